using LlmMultiChat.Grains.Prompting;
using static LlmMultiChat.Grains.Tests.Prompting.PromptFixtures;

namespace LlmMultiChat.Grains.Tests.Prompting;

public class TemplateSelectionTests
{
    // Each template's own section: proves the selected template is the one rendered, not only its name.
    private const string CustomerSupportSection = "【カスタマーサポートとしての指針】";
    private const string TeacherSection = "【教師としての指針】";
    private const string EngineerSection = "【エンジニアとしての指針】";
    private const string CasualSection = "【雰囲気】";

    private static readonly string[] GuidanceSections = [CustomerSupportSection, TeacherSection, EngineerSection, CasualSection];

    [Fact]
    public void Every_seed_template_and_its_casual_variant_exists()
    {
        Assert.Equal(
            ["casual_customer_support", "casual_default", "casual_engineer", "casual_teacher", "customer_support", "default", "engineer", "teacher"],
            HandlebarsPromptBuilder.TemplateNames);
    }

    [Theory]
    [InlineData(new string[0], "default")]
    [InlineData(new[] { "司会" }, "default")]
    [InlineData(new[] { "カスタマーサポート" }, "customer_support")]
    [InlineData(new[] { "customer support" }, "customer_support")]
    [InlineData(new[] { "Customer_Support" }, "customer_support")]
    [InlineData(new[] { "教師" }, "teacher")]
    [InlineData(new[] { "Teacher" }, "teacher")]
    [InlineData(new[] { "エンジニア" }, "engineer")]
    [InlineData(new[] { "engineer" }, "engineer")]
    [InlineData(new[] { "ｴﾝｼﾞﾆｱ" }, "engineer")]
    public void Roles_choose_the_template(string[] roles, string expected)
    {
        var prompt = Builder().Build(OneToOne(Lumina with { Roles = roles, Personalities = ["明るい"] }));

        Assert.Equal(expected, prompt.TemplateName);
        AssertOnlyGuidance(prompt, expected);
    }

    [Theory]
    [InlineData(new[] { "エンジニア", "教師", "カスタマーサポート" }, "customer_support")]
    [InlineData(new[] { "engineer", "teacher" }, "teacher")]
    public void Several_roles_follow_the_seed_order_not_the_list_order(string[] roles, string expected)
    {
        Assert.Equal(expected, Builder().Build(OneToOne(Lumina with { Roles = roles })).TemplateName);
    }

    [Theory]
    [InlineData(new[] { "フレンドリー", "カジュアル" }, new string[0], "casual_default")]
    [InlineData(new[] { "friendly", "Casual" }, new[] { "カスタマーサポート" }, "casual_customer_support")]
    [InlineData(new[] { "カジュアル", "好奇心旺盛", "フレンドリー" }, new[] { "教師" }, "casual_teacher")]
    [InlineData(new[] { "フレンドリー", "casual" }, new[] { "engineer" }, "casual_engineer")]
    public void Friendly_and_casual_together_choose_the_casual_variant(string[] personalities, string[] roles, string expected)
    {
        var prompt = Builder().Build(OneToOne(Lumina with { Personalities = personalities, Roles = roles }));

        Assert.Equal(expected, prompt.TemplateName);
        AssertOnlyGuidance(prompt, expected);
    }

    [Theory]
    [InlineData("フレンドリー")]
    [InlineData("カジュアル")]
    [InlineData("friendly")]
    public void Friendly_or_casual_alone_keeps_the_plain_template(string personality)
    {
        Assert.Equal("teacher", Builder().Build(OneToOne(Lumina with { Personalities = [personality], Roles = ["教師"] })).TemplateName);
    }

    [Theory]
    [InlineData("engineer", "engineer")]
    [InlineData("Casual_Default", "casual_default")]
    [InlineData(" default ", "default")]
    public void The_persona_template_overrides_the_selection(string requested, string expected)
    {
        var persona = Lumina with { Roles = ["教師"], Personalities = ["フレンドリー", "カジュアル"], PromptTemplate = requested };

        var prompt = Builder().Build(OneToOne(persona));

        Assert.Equal(expected, prompt.TemplateName);
        AssertOnlyGuidance(prompt, expected);
    }

    [Fact]
    public void An_unknown_template_fails_naming_every_known_one()
    {
        var error = Assert.Throws<UnknownPromptTemplateException>(() => Builder().Build(OneToOne(Lumina with { PromptTemplate = "pirate" })));

        Assert.Equal("pirate", error.TemplateName);
        Assert.Equal(HandlebarsPromptBuilder.TemplateNames, error.KnownTemplates);
        Assert.Contains("'pirate'", error.Message, StringComparison.Ordinal);
        Assert.All(HandlebarsPromptBuilder.TemplateNames, name => Assert.Contains(name, error.Message, StringComparison.Ordinal));
    }

    private static void AssertOnlyGuidance(Prompt prompt, string template)
    {
        var expected = new List<string>();
        if (template.StartsWith("casual_", StringComparison.Ordinal))
        {
            expected.Add(CasualSection);
        }

        var role = template.Replace("casual_", string.Empty, StringComparison.Ordinal);
        expected.AddRange(role switch
        {
            "customer_support" => [CustomerSupportSection],
            "teacher" => [TeacherSection],
            "engineer" => [EngineerSection],
            _ => [],
        });

        var present = GuidanceSections.Where(section => prompt.SystemText().Contains(section, StringComparison.Ordinal));
        Assert.Equal(expected.Order(StringComparer.Ordinal), present.Order(StringComparer.Ordinal));
    }
}
