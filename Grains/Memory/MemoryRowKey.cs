namespace LlmMultiChat.Grains.Memory;

/// <summary>Names a memory or lesson row of a character: whose it is and its id.</summary>
public sealed record MemoryRowKey(string UserId, string Id);
