namespace LlmMultiChat.FakeLlm.Scripting;

/// <summary>
/// What the fake server answers to one chat request: the tokens (null: the default reply derived from the request),
/// optional thinking tokens sent before them, pacing, an error status, a fault, and usage overrides.
/// </summary>
public sealed record FakeReply
{
    /// <summary>The answer's tokens, in order; null for the default reply (<see cref="FakeLlmServer.DefaultReplyText"/>).</summary>
    public IReadOnlyList<string>? Tokens { get; init; }

    /// <summary>Reasoning tokens sent before the answer (Ollama <c>message.thinking</c>, OpenAI <c>delta.reasoning_content</c>).</summary>
    public IReadOnlyList<string> Thinking { get; init; } = [];

    /// <summary>Tokens per second; null uses the server's default, 0 sends as fast as possible.</summary>
    public double? TokensPerSecond { get; init; }

    /// <summary>Extra wait before the first token (after the response headers when streaming).</summary>
    public TimeSpan FirstTokenDelay { get; init; }

    /// <summary>The HTTP status; anything but 200 answers with the protocol's error body and no tokens.</summary>
    public int StatusCode { get; init; } = 200;

    /// <summary>The error message for a non-200 status.</summary>
    public string ErrorMessage { get; init; } = "the fake server was told to fail";

    public FakeFault? Fault { get; init; }

    /// <summary>Ollama <c>done_reason</c> / OpenAI <c>finish_reason</c>; "length" is used instead when the request's token limit cut the reply.</summary>
    public string FinishReason { get; init; } = "stop";

    /// <summary>Overrides the prompt token count (default: words in the request's messages).</summary>
    public int? PromptTokens { get; init; }

    /// <summary>Overrides the completion token count (default: tokens sent, thinking included).</summary>
    public int? CompletionTokens { get; init; }

    /// <summary>The default reply: the model name and the last user message, echoed word by word.</summary>
    public static FakeReply Echo { get; } = new();

    public static FakeReply Text(string text) => new() { Tokens = FakeTokenizer.Split(text) };

    public static FakeReply FromTokens(params string[] tokens) => new() { Tokens = tokens };

    public static FakeReply Error(int statusCode, string message = "the fake server was told to fail") =>
        new() { StatusCode = statusCode, ErrorMessage = message };

    public FakeReply WithThinking(string text) => this with { Thinking = FakeTokenizer.Split(text) };

    public FakeReply AtRate(double tokensPerSecond) => this with { TokensPerSecond = tokensPerSecond };

    public FakeReply WithFirstTokenDelay(TimeSpan delay) => this with { FirstTokenDelay = delay };

    public FakeReply WithUsage(int promptTokens, int completionTokens) =>
        this with { PromptTokens = promptTokens, CompletionTokens = completionTokens };

    public FakeReply CutAfter(int tokens) => this with { Fault = new FakeFault(FakeFaultKind.Cut, tokens) };

    public FakeReply StallAfter(int tokens) => this with { Fault = new FakeFault(FakeFaultKind.Stall, tokens) };

    public FakeReply MalformedAfter(int tokens) => this with { Fault = new FakeFault(FakeFaultKind.Malformed, tokens) };

    public FakeReply EndEarlyAfter(int tokens) => this with { Fault = new FakeFault(FakeFaultKind.EndEarly, tokens) };

    public FakeReply Dropped() => this with { Fault = new FakeFault(FakeFaultKind.Drop, 0) };
}
