using LlmMultiChat.FakeLlm.Scripting;

namespace LlmMultiChat.FakeLlm;

/// <summary>
/// A scripted reply as JSON, for <c>/_fake/enqueue</c> and <c>/_fake/script</c>, e.g.
/// <c>{"model":"qwen2.5:3b","text":"Hello there","thinking":"hmm","tokensPerSecond":5,"fault":"cut","faultAfterTokens":2}</c>.
/// </summary>
public sealed class FakeReplyDocument
{
    /// <summary>Only requests for this model get the reply; null: any.</summary>
    public string? Model { get; init; }

    /// <summary>The answer, split into word tokens; or give <see cref="Tokens"/>. Neither: the default echo.</summary>
    public string? Text { get; init; }

    public IReadOnlyList<string>? Tokens { get; init; }

    public string? Thinking { get; init; }

    public double? TokensPerSecond { get; init; }

    public int FirstTokenDelayMs { get; init; }

    /// <summary>An HTTP status other than 200 answers with the protocol's error body.</summary>
    public int Status { get; init; } = 200;

    public string? Error { get; init; }

    /// <summary><c>cut</c>, <c>stall</c>, <c>malformed</c>, <c>end-early</c> or <c>drop</c>.</summary>
    public string? Fault { get; init; }

    public int FaultAfterTokens { get; init; }

    public string? FinishReason { get; init; }

    public FakeReply ToReply()
    {
        var reply = Tokens is not null ? FakeReply.FromTokens([.. Tokens]) : Text is not null ? FakeReply.Text(Text) : FakeReply.Echo;
        if (Thinking is not null)
        {
            reply = reply.WithThinking(Thinking);
        }

        reply = reply with
        {
            TokensPerSecond = TokensPerSecond,
            FirstTokenDelay = TimeSpan.FromMilliseconds(FirstTokenDelayMs),
            StatusCode = Status,
            ErrorMessage = Error ?? reply.ErrorMessage,
            FinishReason = FinishReason ?? reply.FinishReason,
        };

        return Fault?.ToLowerInvariant() switch
        {
            null => reply,
            "cut" => reply.CutAfter(FaultAfterTokens),
            "stall" => reply.StallAfter(FaultAfterTokens),
            "malformed" => reply.MalformedAfter(FaultAfterTokens),
            "drop" => reply.Dropped(),
            "end-early" => reply.EndEarlyAfter(FaultAfterTokens),
            _ => throw new ArgumentException($"Unknown fault '{Fault}'; use cut, stall, malformed, end-early or drop.", nameof(Fault)),
        };
    }
}
