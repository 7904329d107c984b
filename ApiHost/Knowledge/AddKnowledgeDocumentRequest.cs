namespace LlmMultiChat.ApiHost.Knowledge;

/// <param name="Source">Where the text came from (a URL or a citation).</param>
public sealed record AddKnowledgeDocumentRequest(string Title, string Text, string? Source = null);
