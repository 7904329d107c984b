namespace LlmMultiChat.Grains.Knowledge;

/// <summary>A document to add to a namespace.</summary>
/// <param name="Source">Where the text came from (a URL or a citation), if known.</param>
/// <param name="AddedBy">The user id of whoever adds it.</param>
public sealed record NewKnowledgeDocument(string Title, string Text, string? Source, string AddedBy);
