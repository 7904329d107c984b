using System.Text.Json.Serialization;

namespace LlmMultiChat.Grains.Conversations.Events;

/// <summary>A message moved a character's emotions; <paramref name="Emotions"/> are its eight values after it.</summary>
public sealed record EmotionChanged(
    string ConversationId,
    long Seq,
    DateTimeOffset At,
    string CharacterId,
    IReadOnlyDictionary<string, double> Emotions,
    string Dominant) : ConversationEvent(ConversationId, Seq, At)
{
    public const string TypeName = "emotion_changed";

    [JsonIgnore]
    public override string Type => TypeName;
}
