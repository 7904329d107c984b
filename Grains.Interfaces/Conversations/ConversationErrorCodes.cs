namespace LlmMultiChat.Grains.Conversations;

/// <summary>Error codes of conversation events besides the LLM layer's (llm_unavailable, llm_timeout, ...).</summary>
public static class ConversationErrorCodes
{
    /// <summary>A character of the conversation was deleted.</summary>
    public const string CharacterMissing = "character_missing";

    /// <summary>The reply could not be prepared (e.g. its persona names an unknown prompt template).</summary>
    public const string ReplyFailed = "reply_failed";
}
