using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Prompting;
using Microsoft.Extensions.Options;

namespace LlmMultiChat.Grains.Tests.Prompting;

/// <summary>The upstream cast (spec §2.1–§2.2) and builders for prompts around them.</summary>
internal static class PromptFixtures
{
    public const string LuminaId = "lumina";

    public static readonly CharacterParticipant Nox = new("nox", "ノクス", ["のくす", "Nox"]);
    public static readonly CharacterParticipant Clarisse = new("clarisse", "クラリス", ["くらりす", "Clarisse", "claris"]);
    public static readonly ConversationMember Taro = new("user-taro", "太郎");
    public static readonly ConversationMember Alice = new("user-alice", "Alice");

    private static readonly DateTimeOffset Start = new(2025, 1, 1, 9, 0, 0, TimeSpan.Zero);

    public static Persona Lumina { get; } = new()
    {
        Name = "ルミナ",
        Aliases = ["るみな", "Lumina"],
        Personalities = ["明るい", "洞察力がある", "共感的"],
        Roles = ["司会", "雑談"],
        Tones = ["明るく親しみやすい"],
        Politeness = 2,
        Verbosity = Verbosity.Medium,
        EmojiUse = EmojiUse.Frequent,
    };

    public static HandlebarsPromptBuilder Builder(int historyLimit = 12, int maxStopSequences = 4) =>
        new(Options.Create(new PromptOptions { HistoryLimit = historyLimit, MaxStopSequences = maxStopSequences }));

    /// <summary>Lumina with one human.</summary>
    public static PromptContext OneToOne(Persona? speaker = null, params ChatMessage[] history) =>
        new(LuminaId, speaker ?? Lumina, [], [Taro], history);

    /// <summary>Lumina with Nox, Clarisse, Taro and Alice.</summary>
    public static PromptContext Group(Persona? speaker = null, params ChatMessage[] history) =>
        new(LuminaId, speaker ?? Lumina, [Nox, Clarisse], [Taro, Alice], history);

    public static ChatMessage FromHuman(ConversationMember human, string content, long index) =>
        Message(SpeakerKind.Human, human.Id, human.Name, content, index);

    public static ChatMessage FromCharacter(CharacterParticipant character, string content, long index) =>
        Message(SpeakerKind.Character, character.Id, character.Name, content, index);

    public static ChatMessage FromLumina(string content, long index, MessageStatus status = MessageStatus.Complete) =>
        Message(SpeakerKind.Character, LuminaId, "ルミナ", content, index, status);

    public static ChatMessage Message(SpeakerKind kind, string speakerId, string speakerName, string content, long index, MessageStatus status = MessageStatus.Complete) =>
        new($"m{index}", "room-1", index, kind, speakerId, speakerName, content, status, Start.AddMinutes(index));

    public static string SystemText(this Prompt prompt) => prompt.Messages[0].Content;
}
