namespace LlmMultiChat.Grains.Characters;

/// <summary>A lesson the character drew from reflecting on a conversation with one user, as recalled for a similar situation.</summary>
/// <param name="Id">The lesson's id.</param>
/// <param name="Text">What to do differently, as a prompt instruction.</param>
/// <param name="Situation">What the user said when the lesson was drawn.</param>
/// <param name="Relevance">Cosine similarity of the situation to the query, -1..1.</param>
/// <param name="CreatedAt">When it was drawn.</param>
public sealed record RecalledLesson(string Id, string Text, string Situation, double Relevance, DateTimeOffset CreatedAt);
