using LlmMultiChat.FakeLlm;
using LlmMultiChat.Grains.Llm;
using LlmMultiChat.Grains.Llm.Gateway;
using Microsoft.Extensions.DependencyInjection;

using Silo.Testing;

namespace LlmMultiChat.Grains.Tests.Llm.Support;

/// <summary>
/// A gateway registered through <see cref="LlmServiceCollectionExtensions.AddLlmGateway(IServiceCollection, Action{LlmOptions})"/>
/// on a clock the test drives, with two providers on one fake server sharing that clock: <c>local</c> (Ollama protocol)
/// and <c>cloud</c> (OpenAI protocol). Defaults: model <c>local:main</c>, 2 retries from 1 s without jitter, first token
/// 30 s, between tokens 10 s, total 5 min, a breaker that never opens unless a test says so.
/// </summary>
public sealed class GatewayHarness : IAsyncDisposable
{
    private ServiceProvider? _services;

    private GatewayHarness()
    {
        Server = new FakeLlmServer(new FakeLlmServerOptions { Time = Clock });
    }

    public ManualTimeProvider Clock { get; } = new();

    public FakeLlmServer Server { get; }

    public LlmGateway Gateway { get; private set; } = null!;

    public MeterMeasurements Metrics { get; private set; } = null!;

    public static async Task<GatewayHarness> StartAsync(Action<LlmOptions>? configure = null)
    {
        var harness = new GatewayHarness();
        await harness.Server.StartAsync();
        harness._services = new ServiceCollection()
            .AddSingleton<TimeProvider>(harness.Clock)
            .AddLlmGateway(options =>
            {
                options.DefaultModel = "local:main";
                options.Providers["local"] = new LlmProviderOptions { BaseUrl = harness.Server.BaseUrl.ToString(), Protocol = "ollama" };
                options.Providers["cloud"] = new LlmProviderOptions { BaseUrl = harness.Server.OpenAiBaseUrl.ToString(), Protocol = "openai", ApiKey = "sk-test" };
                options.Retry = new LlmRetryOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(30), UseJitter = false };
                options.Timeouts = new LlmTimeoutOptions
                {
                    FirstToken = TimeSpan.FromSeconds(30),
                    BetweenTokens = TimeSpan.FromSeconds(10),
                    Total = TimeSpan.FromMinutes(5),
                };
                options.CircuitBreaker = new LlmCircuitBreakerOptions
                {
                    FailureRatio = 1,
                    MinimumThroughput = 1000,
                    SamplingDuration = TimeSpan.FromMinutes(1),
                    BreakDuration = TimeSpan.FromSeconds(15),
                };
                configure?.Invoke(options);
            })
            .BuildServiceProvider();
        harness.Gateway = harness._services.GetRequiredService<LlmGateway>();
        harness.Metrics = new MeterMeasurements(harness.Gateway.Meter);
        return harness;
    }

    /// <summary>A one-message request; its model is replaced by each model the gateway tries.</summary>
    public static LlmChatRequest Request(string text = "Tell me about Kyoto") => new("(chosen by the gateway)", [new LlmMessage(LlmRole.User, text)]);

    public IAsyncEnumerable<LlmStreamItem> Stream(LlmMultiChat.Grains.Characters.ModelBinding? binding = null, CancellationToken cancellationToken = default) =>
        Gateway.StreamAsync(binding, Request(), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Metrics.Dispose();
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await Server.DisposeAsync();
    }
}
