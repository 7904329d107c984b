namespace LlmMultiChat.ApiHost.Memories;

/// <param name="Items">Best score first with a query, else newest first.</param>
public sealed record MemoryListResponse(IReadOnlyList<MemoryResponse> Items);
