namespace LlmMultiChat.FakeLlm.Protocols;

/// <summary>What every piece of one reply repeats: the model, an id, when it started, and the server's clock.</summary>
internal sealed record ReplyContext(string Model, string Id, DateTimeOffset Created, TimeProvider Time);
