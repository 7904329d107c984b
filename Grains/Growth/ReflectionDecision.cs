namespace LlmMultiChat.Grains.Growth;

/// <summary>Turns counted since the last reflection after an event, and the reason to reflect now (null: not yet).</summary>
public sealed record ReflectionDecision(int TurnsSinceReflection, ReflectionReason? Reflect);
