namespace LlmMultiChat.Grains.Memory;

/// <summary>A lesson a character drew from reflecting on a conversation with one user, as persisted; <see cref="Vector"/> embeds the situation.</summary>
public sealed record Lesson(string Id, string UserId, string Text, string Situation, DateTimeOffset CreatedAt, string Model, float[] Vector);
