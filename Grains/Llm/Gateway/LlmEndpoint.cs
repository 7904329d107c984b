using System.Net.Http.Headers;
using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Llm.Ollama;
using LlmMultiChat.Grains.Llm.OpenAi;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace LlmMultiChat.Grains.Llm.Gateway;

/// <summary>
/// One configured provider: its HTTP connection pool, its protocol client, its circuit breaker, and the pipeline a
/// try runs through (retry with backoff outside, the breaker inside, so every try counts toward the breaker).
/// </summary>
internal sealed partial class LlmEndpoint : IDisposable
{
    /// <summary>The model a pipeline execution is for (for the retry log).</summary>
    public static readonly ResiliencePropertyKey<ModelBinding> ModelKey = new("llm.model");

    private readonly HttpClient _http;
    private readonly CircuitBreakerStateProvider _circuit = new();
    private readonly ILogger _logger;

    public LlmEndpoint(LlmProviderSettings settings, LlmGatewaySettings gateway, TimeProvider time, ILogger logger)
    {
        Settings = settings;
        _logger = logger;
        _http = new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = gateway.Timeouts.Connect,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            // A reply abandoned midway is not read to its end: closing the connection stops the model generating.
            MaxResponseDrainSize = 0,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan, // the gateway's watchdogs own every timeout but the connect timeout
        };

        Client = settings.Protocol switch
        {
            LlmProtocol.Ollama => new OllamaChatClient(settings.Name, settings.BaseUrl, _http),
            LlmProtocol.OpenAi => new OpenAiChatClient(settings.Name, settings.BaseUrl, settings.ApiKey, _http, settings.MaxTokensField),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Protocol, "Unknown LLM protocol."),
        };
        if (settings.Protocol == LlmProtocol.Ollama && settings.ApiKey is { } key)
        {
            // Ollama itself needs no key; one configured is for a proxy or ollama.com in front of it.
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        Breaker = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = gateway.CircuitBreaker.FailureRatio,
                MinimumThroughput = gateway.CircuitBreaker.MinimumThroughput,
                SamplingDuration = gateway.CircuitBreaker.SamplingDuration,
                BreakDuration = gateway.CircuitBreaker.BreakDuration,
                StateProvider = _circuit,
                ShouldHandle = args => ValueTask.FromResult(
                    !args.Context.CancellationToken.IsCancellationRequested
                    && args.Outcome.Exception is LlmException failure
                    && LlmFailurePolicy.CountsAgainstEndpoint(failure)),
                OnOpened = args =>
                {
                    LogCircuitOpened(_logger, Name, args.BreakDuration, args.Outcome.Exception?.Message);
                    return default;
                },
                OnHalfOpened = _ =>
                {
                    LogCircuitHalfOpened(_logger, Name);
                    return default;
                },
                OnClosed = _ =>
                {
                    LogCircuitClosed(_logger, Name);
                    return default;
                },
            })
            .Build();

        var pipeline = new ResiliencePipelineBuilder { TimeProvider = time };
        if (gateway.Retry.MaxRetries > 0)
        {
            pipeline.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = gateway.Retry.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = gateway.Retry.BaseDelay,
                MaxDelay = gateway.Retry.MaxDelay,
                UseJitter = gateway.Retry.UseJitter,
                ShouldHandle = args => ValueTask.FromResult(
                    !args.Context.CancellationToken.IsCancellationRequested
                    && args.Outcome.Exception is LlmException failure
                    && LlmFailurePolicy.IsTransient(failure)),
                OnRetry = args =>
                {
                    if (_logger.IsEnabled(LogLevel.Information))
                    {
                        var model = args.Context.Properties.TryGetValue(ModelKey, out var binding) ? binding.ToString() : Name;
                        var reason = args.Outcome.Exception?.Message;
                        LogRetrying(_logger, model, args.AttemptNumber + 1, args.RetryDelay, reason);
                    }

                    return default;
                },
            });
        }

        Pipeline = pipeline.AddPipeline(Breaker).Build();
    }

    public string Name => Settings.Name;

    public LlmProviderSettings Settings { get; }

    public ILlmChatClient Client { get; }

    /// <summary>Retry (before the first token) around the circuit breaker; a try is "start the stream and get its first item".</summary>
    public ResiliencePipeline Pipeline { get; }

    /// <summary>The breaker alone, to report failures that happen after a stream started.</summary>
    public ResiliencePipeline Breaker { get; }

    public CircuitState CircuitState => _circuit.CircuitState;

    /// <summary>Counts a failure in the middle of a stream against the endpoint (the start already counted as a success).</summary>
    public async ValueTask ReportFailureAsync(LlmException failure)
    {
        var context = ResilienceContextPool.Shared.Get(CancellationToken.None);
        try
        {
            await Breaker.ExecuteOutcomeAsync(static (_, f) => ValueTask.FromResult(Outcome.FromException<bool>(f)), context, failure).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    public void Dispose() => _http.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Retrying {Model} (try {Attempt}) in {Delay} after: {Reason}")]
    private static partial void LogRetrying(ILogger logger, string model, int attempt, TimeSpan delay, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Circuit of LLM provider {Provider} opened for {BreakDuration} after: {Reason}")]
    private static partial void LogCircuitOpened(ILogger logger, string provider, TimeSpan breakDuration, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Circuit of LLM provider {Provider} is half-open: the next call is a trial")]
    private static partial void LogCircuitHalfOpened(ILogger logger, string provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "Circuit of LLM provider {Provider} closed")]
    private static partial void LogCircuitClosed(ILogger logger, string provider);
}
