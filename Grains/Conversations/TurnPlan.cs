namespace LlmMultiChat.Grains.Conversations;

/// <summary>Who answers a human message, in order; whether they were addressed; whether they generate at once.</summary>
public sealed record TurnPlan(IReadOnlyList<string> Responders, bool Addressed, bool Concurrent)
{
    public static TurnPlan Nobody { get; } = new([], Addressed: false, Concurrent: false);
}
