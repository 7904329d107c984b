using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Growth;

namespace LlmMultiChat.Grains.Tests.Growth;

public sealed class PersonaDiffTests
{
    private static readonly Persona Before = UpstreamCharacters.Nox;

    [Fact]
    public void Equal_personas_have_no_changes()
    {
        Assert.Empty(PersonaDiff.Compare(Before, Before with { Tools = [.. Before.Tools] }));
    }

    [Fact]
    public void Changed_values_show_before_and_after_and_lists_show_added_and_removed_items()
    {
        var after = Before with
        {
            Politeness = 2,
            Verbosity = Verbosity.Medium,
            Talkativeness = 0.55,
            Tools = [.. Before.Tools.Where(t => t != "api_caller"), "web_search"],
            Scenario = "深夜のニュースデスク",
        };

        Assert.Equal(
            [
                new PersonaFieldChange("Politeness", "1", "2", [], []),
                new PersonaFieldChange("Verbosity", "Brief", "Medium", [], []),
                new PersonaFieldChange("Talkativeness", "0.4", "0.55", [], []),
                new PersonaFieldChange("Tools", null, null, ["web_search"], ["api_caller"]),
                new PersonaFieldChange("Scenario", null, "深夜のニュースデスク", [], []),
            ],
            PersonaDiff.Compare(Before, after),
            new ChangeComparer());
    }

    [Fact]
    public void A_reordered_list_shows_both_orders()
    {
        var after = Before with { Aliases = [.. Before.Aliases.Reverse()] };

        var change = Assert.Single(PersonaDiff.Compare(Before, after));
        Assert.Equal(("Aliases", "Nox, のくす", "のくす, Nox"), (change.Field, change.Before, change.After));
    }

    [Fact]
    public void A_model_binding_change_shows_its_sampling_settings()
    {
        var before = Before with { Model = new ModelBinding("ollama", "qwen2.5:3b") };
        var after = Before with { Model = new ModelBinding("ollama", "qwen2.5:3b", Temperature: 0.3) };

        var change = Assert.Single(PersonaDiff.Compare(before, after));
        Assert.Equal("ollama:qwen2.5:3b (temperature 0.3, top_p default, max_tokens default)", change.After);
    }

    [Fact]
    public void The_text_has_one_readable_line_per_change()
    {
        var after = Before with { Name = "ノクス2", Keywords = [.. Before.Keywords, "速報"], Gender = null };

        Assert.Equal(
            "Name: \"ノクス\" → \"ノクス2\"\nGender: \"男性\" → (none)\nKeywords: + 速報\n",
            PersonaDiff.ToText(PersonaDiff.Compare(Before, after)).ReplaceLineEndings("\n"));
    }

    /// <summary>Records compare their lists by reference; a change is equal when its lists hold the same items.</summary>
    private sealed class ChangeComparer : IEqualityComparer<PersonaFieldChange>
    {
        public bool Equals(PersonaFieldChange? x, PersonaFieldChange? y) =>
            x is not null && y is not null
            && (x.Field, x.Before, x.After) == (y.Field, y.Before, y.After)
            && x.Added.SequenceEqual(y.Added)
            && x.Removed.SequenceEqual(y.Removed);

        public int GetHashCode(PersonaFieldChange obj) => obj.Field.GetHashCode(StringComparison.Ordinal);
    }
}
