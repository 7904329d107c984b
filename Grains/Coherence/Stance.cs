namespace LlmMultiChat.Grains.Coherence;

/// <summary>A position a statement takes: for or against (<see cref="Positive"/>) a topic (the object, normalized), of one kind.</summary>
public sealed record Stance(StanceKind Kind, string Topic, bool Positive);
