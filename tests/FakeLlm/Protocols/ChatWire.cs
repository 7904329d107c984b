namespace LlmMultiChat.FakeLlm.Protocols;

/// <summary>One protocol's encoding of a chat reply: the pieces of a stream, a whole reply, and an error.</summary>
internal abstract class ChatWire
{
    public abstract string StreamContentType { get; }

    /// <summary>Sent right after the headers, before any token ("" when the protocol sends nothing).</summary>
    public abstract string StreamStart(ReplyContext context);

    public abstract string Thinking(ReplyContext context, string text);

    public abstract string Token(ReplyContext context, string text);

    /// <summary>Everything after the last token: the final message(s), usage when asked, the end marker.</summary>
    public abstract string StreamEnd(ReplyContext context, ReplySummary summary, bool includeUsage);

    /// <summary>A piece that starts like the protocol's JSON but is cut off in the middle.</summary>
    public abstract string Malformed(ReplyContext context);

    /// <summary>A whole reply (stream = false).</summary>
    public abstract string Complete(ReplyContext context, string content, string thinking, ReplySummary summary);

    public abstract string Error(int statusCode, string message);
}
