namespace LlmMultiChat.FakeLlm.Recording;

/// <summary>One chat message as it arrived on the wire.</summary>
public sealed record FakeMessage(string Role, string Content);
