using System.Text.Json.Serialization;

namespace LlmMultiChat.Grains.Conversations.Events;

/// <summary>Something said or rated in this conversation raised a character to <paramref name="Level"/>; one event per level.</summary>
/// <param name="Unlocked">The features this level unlocked (empty when it unlocks none).</param>
public sealed record LevelUp(
    string ConversationId,
    long Seq,
    DateTimeOffset At,
    string CharacterId,
    int Level,
    IReadOnlyList<string> Unlocked) : ConversationEvent(ConversationId, Seq, At)
{
    public const string TypeName = "level_up";

    [JsonIgnore]
    public override string Type => TypeName;
}
