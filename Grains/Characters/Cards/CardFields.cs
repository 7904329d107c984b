namespace LlmMultiChat.Grains.Characters.Cards;

/// <summary>Field names and spec strings of the card formats (character-card-spec-v2, character-card-spec-v3).</summary>
internal static class CardFields
{
    public const string Spec = "spec";
    public const string SpecVersion = "spec_version";
    public const string Data = "data";

    public const string V2Spec = "chara_card_v2";
    public const string V2Version = "2.0";
    public const string V3Spec = "chara_card_v3";
    public const string V3Version = "3.0";

    // V1 (flat in V1, under data in V2 and V3)
    public const string Name = "name";
    public const string Description = "description";
    public const string Personality = "personality";
    public const string Scenario = "scenario";
    public const string FirstMessage = "first_mes";
    public const string MessageExample = "mes_example";

    // V2
    public const string CreatorNotes = "creator_notes";
    public const string SystemPrompt = "system_prompt";
    public const string PostHistoryInstructions = "post_history_instructions";
    public const string AlternateGreetings = "alternate_greetings";
    public const string Tags = "tags";
    public const string Creator = "creator";
    public const string CharacterVersion = "character_version";
    public const string Extensions = "extensions";

    // V3
    public const string Nickname = "nickname";
    public const string GroupOnlyGreetings = "group_only_greetings";

    /// <summary>SillyTavern's group reply probability, in <c>extensions</c> (and at the top level of its exports).</summary>
    public const string Talkativeness = "talkativeness";

    /// <summary>Our namespace in <c>extensions</c> for persona fields no card format has.</summary>
    public const string OurExtension = "llmmultichat";

    public static readonly string[] V1Fields = [Name, Description, Personality, Scenario, FirstMessage, MessageExample];

    /// <summary>
    /// Top-level copies of text fields that SillyTavern writes next to <c>data</c> for V1 readers (with
    /// <see cref="Talkativeness"/>); kept in step on export when the card has them.
    /// </summary>
    public static readonly string[] TopLevelTextMirrors = V1Fields;
}
