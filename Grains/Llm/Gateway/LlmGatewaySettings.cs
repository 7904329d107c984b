using LlmMultiChat.Grains.Characters;

namespace LlmMultiChat.Grains.Llm.Gateway;

/// <summary>The validated configuration the gateway runs on.</summary>
internal sealed record LlmGatewaySettings(
    ModelBinding DefaultModel,
    IReadOnlyList<ModelBinding> Fallbacks,
    IReadOnlyList<LlmProviderSettings> Providers,
    LlmTimeoutOptions Timeouts,
    LlmRetryOptions Retry,
    LlmCircuitBreakerOptions CircuitBreaker);
