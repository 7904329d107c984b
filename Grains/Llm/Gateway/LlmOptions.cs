namespace LlmMultiChat.Grains.Llm.Gateway;

/// <summary>
/// The configuration section "Llm" (ARCHITECTURE §12). Bound strictly: an unknown key fails at startup, naming it.
/// Every value is checked when the gateway is registered (<see cref="LlmServiceCollectionExtensions.AddLlmGateway(Microsoft.Extensions.DependencyInjection.IServiceCollection, Microsoft.Extensions.Configuration.IConfiguration)"/>).
/// </summary>
public sealed class LlmOptions
{
    public const string SectionName = "Llm";

    /// <summary>The default of <see cref="DefaultModel"/>.</summary>
    public const string DefaultModelBinding = "ollama:qwen2.5:3b";

    /// <summary><c>provider:model</c> for characters without a binding of their own (Llm:DefaultModel).</summary>
    public string DefaultModel { get; set; } = DefaultModelBinding;

    /// <summary>
    /// Endpoints by name (Llm:Providers:&lt;name&gt;). A provider named <c>ollama</c> exists even when not listed, with
    /// its defaults; any other name must be configured. Names are case-insensitive.
    /// </summary>
    public Dictionary<string, LlmProviderOptions> Providers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// <c>provider:model</c> entries tried in order when a model cannot start answering (Llm:Fallbacks:0, :1, ...).
    /// An entry equal to the model being asked for is skipped.
    /// </summary>
    public List<string> Fallbacks { get; set; } = [];

    public LlmTimeoutOptions Timeouts { get; set; } = new();

    public LlmRetryOptions Retry { get; set; } = new();

    public LlmCircuitBreakerOptions CircuitBreaker { get; set; } = new();
}
