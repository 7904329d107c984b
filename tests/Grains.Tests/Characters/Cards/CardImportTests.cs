using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Characters.Cards;

namespace LlmMultiChat.Grains.Tests.Characters.Cards;

public sealed class CardImportTests
{
    private readonly CharacterCards _cards = CardAssert.Service();

    [Fact]
    public void V2_card_maps_every_field_the_persona_models()
    {
        var imported = _cards.ImportJson(CardSamples.Utf8(CardSamples.V2));

        var persona = imported.Persona;
        Assert.Equal(CardSpec.V2, imported.Spec);
        Assert.Null(imported.Avatar);
        Assert.Equal("ルミナ 🌙", persona.Name);
        Assert.Equal("古い図書館に住む星の精霊。", persona.Description);
        Assert.Equal(["明るい", "好奇心旺盛", "少し天然", "優しい"], persona.Personalities);
        Assert.Equal("夜の図書館", persona.Scenario);
        Assert.Equal(["こんばんは！✨", "おはよう☀️", "Hi! 👋"], persona.Greetings);
        Assert.Equal("<START>\n{{user}}: 星は好き？\n{{char}}: 大好き！🌟", persona.ExampleDialogue);
        Assert.Equal("{{original}}\nあなたは{{char}}です。", persona.SystemPrompt);
        Assert.Equal("必ず日本語で返事をする。", persona.PostHistoryInstructions);
        Assert.Equal(0.8, persona.Talkativeness);
        Assert.Empty(persona.Aliases);
    }

    [Fact]
    public void V3_nickname_becomes_an_alias_and_group_only_greetings_stay_out_of_the_greetings()
    {
        var imported = _cards.ImportJson(CardSamples.Utf8(CardSamples.V3));

        Assert.Equal(CardSpec.V3, imported.Spec);
        Assert.Equal(["ルミ"], imported.Persona.Aliases);
        Assert.Equal(["ようこそ、星の図書館へ！📚", "また会えたね💫"], imported.Persona.Greetings);
        Assert.Equal(["穏やか", "知的"], imported.Persona.Personalities);
        Assert.Equal(0.35, imported.Persona.Talkativeness);
    }

    [Fact]
    public void V3_empty_system_prompt_instructions_and_scenario_read_as_absent()
    {
        var persona = _cards.ImportJson(CardSamples.Utf8(CardSamples.V3)).Persona;

        Assert.Null(persona.SystemPrompt);
        Assert.Null(persona.PostHistoryInstructions);
        Assert.Null(persona.Scenario);
    }

    [Fact]
    public void V1_flat_card_maps_its_fields_and_sillytavern_top_level_talkativeness()
    {
        var imported = _cards.ImportJson(CardSamples.Utf8(CardSamples.V1));

        Assert.Equal(CardSpec.V1, imported.Spec);
        Assert.Equal("ソラ", imported.Persona.Name);
        Assert.Equal("空の案内人。☁️", imported.Persona.Description);
        Assert.Equal(["のんびり", "物知り"], imported.Persona.Personalities);
        Assert.Equal("雲の上", imported.Persona.Scenario);
        Assert.Equal(["ようこそ！"], imported.Persona.Greetings);
        Assert.Equal("{{char}}: ふわふわ〜", imported.Persona.ExampleDialogue);
        Assert.Equal(0.3, imported.Persona.Talkativeness);
    }

    [Theory]
    [InlineData(CardSamples.V1)]
    [InlineData(CardSamples.V2)]
    [InlineData(CardSamples.V3)]
    public void The_whole_card_text_is_kept_as_the_persona_source(string json)
    {
        var persona = _cards.ImportJson(CardSamples.Utf8(json)).Persona;

        Assert.Equal(json, persona.SourceCard);
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_accepted_and_not_kept()
    {
        byte[] withBom = [0xEF, 0xBB, 0xBF, .. CardSamples.Utf8(CardSamples.V1)];

        var persona = _cards.ImportJson(withBom).Persona;

        Assert.Equal(CardSamples.V1, persona.SourceCard);
    }

    [Theory]
    [InlineData("0.25", 0.25)]
    [InlineData("\"0.7\"", 0.7)]
    [InlineData("3", 1.0)]
    [InlineData("-1", 0.0)]
    [InlineData("\"lots\"", 0.5)]
    [InlineData("null", 0.5)]
    [InlineData("[0.9]", 0.5)]
    public void Talkativeness_is_read_from_a_number_or_numeric_text_and_clamped(string value, double expected)
    {
        var json = """{"spec":"chara_card_v2","data":{"name":"A","extensions":{"talkativeness":""" + value + "}}}";

        Assert.Equal(expected, _cards.ImportJson(CardSamples.Utf8(json)).Persona.Talkativeness);
    }

    [Fact]
    public void Missing_talkativeness_is_the_default()
    {
        var persona = _cards.ImportJson(CardSamples.Utf8("""{"spec":"chara_card_v2","data":{"name":"A"}}""")).Persona;

        Assert.Equal(0.5, persona.Talkativeness);
    }

    [Fact]
    public void Personality_splits_on_commas_ideographic_commas_semicolons_and_line_breaks()
    {
        var json = """{"name":"A","personality":" kind,curious，shy、brave; calm；wise\r\nodd\n\n, "}""";

        var persona = _cards.ImportJson(CardSamples.Utf8(json)).Persona;

        Assert.Equal(["kind", "curious", "shy", "brave", "calm", "wise", "odd"], persona.Personalities);
    }

    [Fact]
    public void Blank_greetings_are_dropped()
    {
        var json = """{"spec":"chara_card_v2","data":{"name":"A","first_mes":"  ","alternate_greetings":["", "hi", null, " \n"]}}""";

        Assert.Equal(["hi"], _cards.ImportJson(CardSamples.Utf8(json)).Persona.Greetings);
    }

    [Fact]
    public void Import_recognizes_a_png_by_its_signature_and_json_otherwise()
    {
        var png = TestPng.ImageWith(TestPng.Text("chara", CardSamples.Base64(CardSamples.V2)));

        Assert.NotNull(_cards.Import(png).Avatar);
        Assert.Null(_cards.Import(CardSamples.Utf8(CardSamples.V2)).Avatar);
    }

    [Fact]
    public async Task A_card_imports_from_a_stream()
    {
        using var stream = new MemoryStream(CardSamples.Utf8(CardSamples.V3));

        var imported = await _cards.ImportAsync(stream);

        Assert.Equal("ルミナ 🌙", imported.Persona.Name);
    }
}
