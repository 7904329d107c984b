using LlmMultiChat.Grains.Characters;

namespace LlmMultiChat.Grains.Llm;

/// <summary>
/// Streams a reply for a model binding (or Llm:DefaultModel) with timeouts (connect, first token, between tokens,
/// total), retries with backoff before the first token only, a circuit breaker per endpoint, and the configured
/// fallback chain (another model or provider) when a model cannot start answering. Once a token has been yielded
/// there is no retry: a failure after it throws, and the caller keeps the partial text.
/// </summary>
public interface ILlmGateway
{
    /// <param name="binding">The character's model; null for Llm:DefaultModel. Sampling settings override the request's.</param>
    /// <param name="request">The request; its Model is replaced by each model tried.</param>
    /// <exception cref="LlmException">No model could answer (before any token), or the stream failed after some.</exception>
    IAsyncEnumerable<LlmStreamItem> StreamAsync(ModelBinding? binding, LlmChatRequest request, CancellationToken cancellationToken);
}
