using System.Text.Json.Nodes;
using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Characters.Cards;

namespace LlmMultiChat.Grains.Tests.Characters.Cards;

public sealed class CardRoundTripTests
{
    private readonly CharacterCards _cards = CardAssert.Service();

    [Theory]
    [InlineData(CardSamples.V2, CardSpec.V2)]
    [InlineData(CardSamples.V3, CardSpec.V3)]
    public void Exporting_an_imported_card_in_its_own_format_gives_the_same_json_tree(string json, CardSpec spec)
    {
        var persona = _cards.ImportJson(CardSamples.Utf8(json)).Persona;

        CardAssert.SameTree(json, _cards.ExportJson(persona, spec));
    }

    [Fact]
    public void A_V2_card_exported_as_V3_and_back_as_V2_is_the_same_V2_card()
    {
        var v3 = _cards.ExportJson(_cards.ImportJson(CardSamples.Utf8(CardSamples.V2)).Persona, CardSpec.V3);
        var v2 = _cards.ExportJson(_cards.ImportJson(CardSamples.Utf8(v3)).Persona, CardSpec.V2);

        var v3Tree = JsonNode.Parse(v3)!;
        Assert.Equal("chara_card_v3", (string?)v3Tree["spec"]);
        Assert.Equal("3.0", (string?)v3Tree["spec_version"]);
        Assert.Empty(v3Tree["data"]!["group_only_greetings"]!.AsArray());
        CardAssert.SameTree(CardSamples.V2, v2);
    }

    [Fact]
    public void A_V3_card_exported_as_V2_keeps_its_V3_fields_and_comes_back_as_the_same_V3_card()
    {
        var v2 = _cards.ExportJson(_cards.ImportJson(CardSamples.Utf8(CardSamples.V3)).Persona, CardSpec.V2);
        var v3 = _cards.ExportJson(_cards.ImportJson(CardSamples.Utf8(v2)).Persona, CardSpec.V3);

        var v2Tree = JsonNode.Parse(v2)!;
        Assert.Equal("chara_card_v2", (string?)v2Tree["spec"]);
        Assert.Equal("2.0", (string?)v2Tree["spec_version"]);
        Assert.Equal("ルミ", (string?)v2Tree["data"]!["nickname"]);
        CardAssert.SameTree(CardSamples.V3, v3);
    }

    [Theory]
    [InlineData(CardSpec.V2)]
    [InlineData(CardSpec.V3)]
    public void A_persona_made_here_exports_and_imports_back_equal(CardSpec spec)
    {
        var persona = CardSamples.FullPersona();

        var imported = _cards.ImportJson(CardSamples.Utf8(_cards.ExportJson(persona, spec)));

        Assert.Equal(spec, imported.Spec);
        CardAssert.SamePersona(persona, imported.Persona);
    }

    [Fact]
    public void A_persona_with_default_fields_exports_a_card_without_our_extension()
    {
        var persona = new Persona { Name = "Plain" };

        var tree = JsonNode.Parse(_cards.ExportJson(persona, CardSpec.V2))!;

        Assert.Equal(["talkativeness"], tree["data"]!["extensions"]!.AsObject().Select(property => property.Key));
        CardAssert.SamePersona(persona, _cards.ImportJson(CardSamples.Utf8(tree.ToJsonString())).Persona);
    }

    [Fact]
    public void A_persona_made_here_exports_every_field_the_V2_spec_requires()
    {
        var data = JsonNode.Parse(_cards.ExportJson(new Persona { Name = "Plain" }, CardSpec.V2))!["data"]!.AsObject();

        string[] required =
        [
            "name", "description", "personality", "scenario", "first_mes", "mes_example", "creator_notes", "system_prompt",
            "post_history_instructions", "alternate_greetings", "tags", "creator", "character_version", "extensions",
        ];
        Assert.All(required, field => Assert.True(data.ContainsKey(field), field));
    }

    [Fact]
    public void Edited_persona_fields_are_written_and_every_other_field_is_kept()
    {
        var imported = _cards.ImportJson(CardSamples.Utf8(CardSamples.V2)).Persona;
        var edited = imported with
        {
            Name = "ルミナ改",
            Greetings = ["新しい挨拶🎈"],
            Talkativeness = 0.3,
            Gender = "女性",
        };

        var exported = _cards.ExportJson(edited, CardSpec.V2);

        var tree = JsonNode.Parse(exported)!;
        var data = tree["data"]!;
        Assert.Equal("ルミナ改", (string?)data["name"]);
        Assert.Equal("ルミナ改", (string?)tree["name"]);
        Assert.Equal("新しい挨拶🎈", (string?)data["first_mes"]);
        Assert.Equal("新しい挨拶🎈", (string?)tree["first_mes"]);
        Assert.Empty(data["alternate_greetings"]!.AsArray());
        Assert.Equal(0.3, (double)data["extensions"]!["talkativeness"]!);
        Assert.Equal("0.3", (string?)tree["talkativeness"]);
        Assert.Equal("女性", (string?)data["extensions"]!["llmmultichat"]!["gender"]);

        // Put the original values back: everything else must be exactly the original card.
        var original = JsonNode.Parse(CardSamples.V2)!;
        foreach (var key in new[] { "name", "first_mes", "talkativeness" })
        {
            tree[key] = original[key]!.DeepClone();
        }

        foreach (var key in new[] { "name", "first_mes", "alternate_greetings" })
        {
            data[key] = original["data"]![key]!.DeepClone();
        }

        data["extensions"]!["talkativeness"] = original["data"]!["extensions"]!["talkativeness"]!.DeepClone();
        data["extensions"]!.AsObject().Remove("llmmultichat");
        Assert.True(JsonNode.DeepEquals(original, tree), tree.ToJsonString());
        CardAssert.SamePersona(edited, _cards.ImportJson(CardSamples.Utf8(exported)).Persona);
    }

    [Fact]
    public void Unchanged_personality_text_is_kept_word_for_word()
    {
        var json = """{"spec":"chara_card_v2","spec_version":"2.0","data":{"name":"A","personality":"She is kind, but when angered, she turns cold."}}""";
        var persona = _cards.ImportJson(CardSamples.Utf8(json)).Persona;

        var exported = JsonNode.Parse(_cards.ExportJson(persona with { Description = "changed" }, CardSpec.V2))!;

        Assert.Equal("She is kind, but when angered, she turns cold.", (string?)exported["data"]!["personality"]);
    }

    [Fact]
    public void Personalities_that_contain_a_separator_survive_a_round_trip()
    {
        var persona = new Persona { Name = "A", Personalities = ["kind, but strict", "curious"] };

        var exported = _cards.ExportJson(persona, CardSpec.V2);

        Assert.Equal("kind, but strict, curious", (string?)JsonNode.Parse(exported)!["data"]!["personality"]);
        Assert.Equal(["kind, but strict", "curious"], _cards.ImportJson(CardSamples.Utf8(exported)).Persona.Personalities);
    }

    [Fact]
    public void Personality_edited_elsewhere_wins_over_our_stored_list()
    {
        var exported = JsonNode.Parse(_cards.ExportJson(new Persona { Name = "A", Personalities = ["kind, but strict"] }, CardSpec.V2))!;
        exported["data"]!["personality"] = "brave, calm";

        var persona = _cards.ImportJson(CardSamples.Utf8(exported.ToJsonString())).Persona;

        Assert.Equal(["brave", "calm"], persona.Personalities);
    }

    [Fact]
    public void Removing_the_nickname_alias_removes_the_V3_nickname()
    {
        var persona = _cards.ImportJson(CardSamples.Utf8(CardSamples.V3)).Persona;

        var exported = _cards.ExportJson(persona with { Aliases = ["ルーミ"] }, CardSpec.V3);

        Assert.False(JsonNode.Parse(exported)!["data"]!.AsObject().ContainsKey("nickname"));
        Assert.Equal(["ルーミ"], _cards.ImportJson(CardSamples.Utf8(exported)).Persona.Aliases);
    }

    [Fact]
    public void Aliases_keep_their_order_around_the_V3_nickname()
    {
        var persona = _cards.ImportJson(CardSamples.Utf8(CardSamples.V3)).Persona;

        var exported = _cards.ExportJson(persona with { Aliases = ["るみな", "ルミ"] }, CardSpec.V3);

        Assert.Equal("ルミ", (string?)JsonNode.Parse(exported)!["data"]!["nickname"]);
        Assert.Equal(["るみな", "ルミ"], _cards.ImportJson(CardSamples.Utf8(exported)).Persona.Aliases);
    }

    [Fact]
    public void A_V1_card_exported_as_V2_nests_its_fields_in_data_and_keeps_its_own()
    {
        var persona = _cards.ImportJson(CardSamples.Utf8(CardSamples.V1)).Persona;

        var exported = _cards.ExportJson(persona, CardSpec.V2);

        var tree = JsonNode.Parse(exported)!;
        Assert.Equal("chara_card_v2", (string?)tree["spec"]);
        Assert.Equal("ソラ", (string?)tree["data"]!["name"]);
        Assert.Equal("のんびり, 物知り", (string?)tree["data"]!["personality"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(CardSamples.V1)!["x_v1_unknown"], tree["x_v1_unknown"]));
        CardAssert.SamePersona(persona, _cards.ImportJson(CardSamples.Utf8(exported)).Persona);
    }

    [Fact]
    public void An_extension_value_of_the_wrong_type_is_ignored_on_import_and_kept_on_export()
    {
        var json = """{"spec":"chara_card_v2","spec_version":"2.0","data":{"name":"A","extensions":{"llmmultichat":{"politeness":"very","roles":[1],"future_key":{"x":1}}}}}""";

        var persona = _cards.ImportJson(CardSamples.Utf8(json)).Persona;

        Assert.Equal(2, persona.Politeness);
        Assert.Empty(persona.Roles);
        CardAssert.SameTree(json, _cards.ExportJson(persona, CardSpec.V2));
    }
}
