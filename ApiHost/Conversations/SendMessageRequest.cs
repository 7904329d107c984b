using LlmMultiChat.ApiHost.Http;
using LlmMultiChat.Grains.Conversations;

namespace LlmMultiChat.ApiHost.Conversations;

/// <param name="Content">1 to 10,000 characters, stored as sent.</param>
/// <param name="CharacterIds">Characters that must answer, in this order (instead of addressing and the policy).</param>
public sealed record SendMessageRequest(string Content, string[]? CharacterIds = null)
{
    /// <exception cref="ApiException">E4000 naming each bad field, before anything is stored.</exception>
    public void Validate() => new FieldErrors()
        .Check("content", string.IsNullOrWhiteSpace(Content) ? "A message must not be empty." : null)
        .Check("content", Content.Length > ConversationSpec.MaxMessageLength ? $"A message is at most {ConversationSpec.MaxMessageLength} characters; this one has {Content.Length}." : null)
        .Check("characterIds", CharacterIds?.Any(string.IsNullOrWhiteSpace) == true ? "A character id must not be empty." : null)
        .ThrowIfAny();
}
