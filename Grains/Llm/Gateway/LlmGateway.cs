using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using LlmMultiChat.Grains.Characters;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.CircuitBreaker;

namespace LlmMultiChat.Grains.Llm.Gateway;

/// <summary>
/// Streams replies from the configured providers (<see cref="ILlmGateway"/>). A reply starts with the requested model
/// (or Llm:DefaultModel); each try is "send the request and get the first piece" under the first-token timeout,
/// retried with exponential backoff while the failure is transient, through the provider's circuit breaker. When
/// the model cannot start answering, the fallbacks (Llm:Fallbacks) are tried in order. Once a piece was yielded
/// nothing is retried: a failure throws with <see cref="LlmException.AfterFirstToken"/> set, and the caller keeps
/// what it got. Timeouts run on the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class LlmGateway : ILlmGateway, IDisposable
{
    private readonly LlmGatewaySettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Dictionary<string, LlmEndpoint> _endpoints;
    private readonly LlmMetrics _metrics = new();

    /// <exception cref="InvalidOperationException">The options cannot be used; the message names each key.</exception>
    public LlmGateway(LlmOptions options, TimeProvider timeProvider, ILoggerFactory? loggerFactory = null)
        : this(LlmConfiguration.Resolve(options, LlmOptions.SectionName), timeProvider, loggerFactory)
    {
    }

    internal LlmGateway(LlmGatewaySettings settings, TimeProvider timeProvider, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _settings = settings;
        _time = timeProvider;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<LlmGateway>();
        _endpoints = settings.Providers.ToDictionary(
            p => p.Name,
            p => new LlmEndpoint(p, settings, timeProvider, _logger),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The meter (<c>LlmMultiChat.Llm</c>) this gateway records on.</summary>
    public Meter Meter => _metrics.Meter;

    /// <summary>The state of a provider's circuit breaker (for health views and tests).</summary>
    /// <exception cref="KeyNotFoundException">No such provider is configured.</exception>
    public CircuitState CircuitState(string provider) => _endpoints[provider].CircuitState;

    public async IAsyncEnumerable<LlmStreamItem> StreamAsync(ModelBinding? binding, LlmChatRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var wanted = binding ?? _settings.DefaultModel;
        var candidates = Candidates(wanted);
        var sampled = request with
        {
            Temperature = wanted.Temperature ?? request.Temperature,
            TopP = wanted.TopP ?? request.TopP,
            MaxTokens = wanted.MaxTokens ?? request.MaxTokens,
        };

        var startedAt = _time.GetTimestamp();
        using var deadline = new ReplyDeadline(_time, _settings.Timeouts.Total, cancellationToken);
        var stream = await StartAsync(candidates, sampled, deadline).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            _metrics.FirstToken(stream.Model, _time.GetElapsedTime(startedAt));
            var item = stream.Current;
            while (item is not LlmCompleted)
            {
                yield return item;
                item = await NextAsync(stream, deadline).ConfigureAwait(false);
            }

            var completed = (LlmCompleted)item with { Provider = stream.Model.Provider, Model = stream.Model.Model, UsedFallback = stream.UsedFallback };
            _metrics.Completed(stream.Model, completed, _time.GetElapsedTime(startedAt));
            yield return completed;
        }
    }

    public void Dispose()
    {
        foreach (var endpoint in _endpoints.Values)
        {
            endpoint.Dispose();
        }

        _metrics.Dispose();
    }

    /// <summary>The requested model, then each fallback that differs from it; provider names as configured.</summary>
    private List<ModelBinding> Candidates(ModelBinding wanted)
    {
        if (!_endpoints.TryGetValue(wanted.Provider, out var endpoint))
        {
            // A configuration mistake, not an outage: no fallback hides it.
            var unknown = new LlmException(
                LlmErrorCodes.UnknownProvider,
                $"The model binding '{wanted}' names LLM provider '{wanted.Provider}', which is not configured " +
                $"(configured: {string.Join(", ", _endpoints.Keys.Order(StringComparer.OrdinalIgnoreCase))}). Add it under Llm:Providers or bind another model.");
            _metrics.Failure(wanted, unknown);
            throw unknown;
        }

        var candidates = new List<ModelBinding> { new(endpoint.Name, wanted.Model) };
        foreach (var fallback in _settings.Fallbacks)
        {
            var candidate = new ModelBinding(_endpoints[fallback.Provider].Name, fallback.Model);
            if (!candidates.Contains(candidate))
            {
                candidates.Add(candidate);
            }
        }

        return candidates;
    }

    private async Task<StartedStream> StartAsync(List<ModelBinding> candidates, LlmChatRequest request, ReplyDeadline deadline)
    {
        var failures = new List<(ModelBinding Model, LlmException Failure)>();
        foreach (var candidate in candidates)
        {
            if (failures.Count > 0)
            {
                _metrics.Fallback(candidate);
                LogFallingBack(_logger, failures[^1].Model.ToString(), candidate.ToString(), failures[^1].Failure.Code);
            }

            try
            {
                return await StartWithRetriesAsync(candidate, request with { Model = candidate.Model }, deadline, usedFallback: failures.Count > 0).ConfigureAwait(false);
            }
            catch (LlmException failure) when (!deadline.IsOver)
            {
                failures.Add((candidate, failure));
            }
        }

        throw NoModelCouldAnswer(failures);
    }

    private async Task<StartedStream> StartWithRetriesAsync(ModelBinding model, LlmChatRequest request, ReplyDeadline deadline, bool usedFallback)
    {
        var endpoint = _endpoints[model.Provider];
        var context = ResilienceContextPool.Shared.Get(deadline.Token);
        context.Properties.Set(LlmEndpoint.ModelKey, model);
        try
        {
            return await endpoint.Pipeline.ExecuteAsync(
                static (_, state) => state.Gateway.StartOnceAsync(state.Endpoint, state.Model, state.Request, state.Deadline, state.UsedFallback),
                context,
                (Gateway: this, Endpoint: endpoint, Model: model, Request: request, Deadline: deadline, UsedFallback: usedFallback)).ConfigureAwait(false);
        }
        catch (BrokenCircuitException ex)
        {
            var retryAfter = ex.RetryAfter is { } after ? $" for another {after}" : string.Empty;
            var failure = new LlmException(
                LlmErrorCodes.CircuitOpen,
                $"LLM provider '{endpoint.Name}' is failing fast{retryAfter}: its circuit opened after repeated failures (Llm:CircuitBreaker).",
                ex);
            _metrics.Failure(model, failure);
            LogTryFailed(_logger, model.ToString(), failure.Code, failure.Message);
            throw failure;
        }
        catch (OperationCanceledException ex) when (deadline.TotalExpired && !deadline.CallerCancelled)
        {
            // The total timeout struck while waiting to retry.
            var failure = TotalTimeout(model, deadline, afterFirstToken: false, ex);
            _metrics.Failure(model, failure);
            throw failure;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>One try: send the request and wait for the first item under the first-token timeout.</summary>
    private async ValueTask<StartedStream> StartOnceAsync(LlmEndpoint endpoint, ModelBinding model, LlmChatRequest request, ReplyDeadline deadline, bool usedFallback)
    {
        _metrics.Request(model);
        var watchdog = new StreamWatchdog(_time, deadline.Token);
        IAsyncEnumerator<LlmStreamItem>? items = null;
        var started = false;
        try
        {
            // Armed before the request leaves: connecting and the response headers count toward the first token.
            watchdog.Arm(_settings.Timeouts.FirstToken, "the first token");
            items = endpoint.Client.StreamChatAsync(request, watchdog.Token).GetAsyncEnumerator(watchdog.Token);
            if (!await items.MoveNextAsync().ConfigureAwait(false))
            {
                throw LlmFailures.Malformed(endpoint.Name, model.Model, afterFirstToken: false, "the stream ended without any item.");
            }

            watchdog.Disarm();
            started = true;
            return new StartedStream(endpoint, model, items, watchdog, usedFallback);
        }
        catch (Exception ex)
        {
            var failure = Failure(ex, watchdog, deadline, model, afterFirstToken: false);
            if (failure is null)
            {
                throw;
            }

            _metrics.Failure(model, failure);
            LogTryFailed(_logger, model.ToString(), failure.Code, failure.Message);
            throw failure;
        }
        finally
        {
            if (!started)
            {
                if (items is not null)
                {
                    await items.DisposeAsync().ConfigureAwait(false);
                }

                watchdog.Dispose();
            }
        }
    }

    /// <summary>The next item of a started reply under the between-tokens timeout; failures are final.</summary>
    private async ValueTask<LlmStreamItem> NextAsync(StartedStream stream, ReplyDeadline deadline)
    {
        try
        {
            return await stream.NextAsync(_settings.Timeouts.BetweenTokens).ConfigureAwait(false)
                ?? throw LlmFailures.Malformed(stream.Endpoint.Name, stream.Model.Model, afterFirstToken: true, "the stream ended without its completion.");
        }
        catch (Exception ex)
        {
            var failure = Failure(ex, stream.Watchdog, deadline, stream.Model, afterFirstToken: true);
            if (failure is null)
            {
                throw;
            }

            _metrics.Failure(stream.Model, failure);
            LogStreamFailed(_logger, stream.Model.ToString(), failure.Code, failure.Message);
            if (!deadline.TotalExpired && LlmFailurePolicy.CountsAgainstEndpoint(failure))
            {
                await stream.Endpoint.ReportFailureAsync(failure).ConfigureAwait(false);
            }

            throw failure;
        }
    }

    /// <summary>
    /// What a failed try or stream means for the caller: the caller's own cancellation stays an
    /// <see cref="OperationCanceledException"/>; timeouts become <see cref="LlmErrorCodes.Timeout"/>; whatever a client
    /// leaked becomes the matching <see cref="LlmException"/>. Null: not ours to translate (rethrow as is).
    /// </summary>
    private static LlmException? Failure(Exception ex, StreamWatchdog watchdog, ReplyDeadline deadline, ModelBinding model, bool afterFirstToken)
    {
        deadline.CallerToken.ThrowIfCancellationRequested();
        if (deadline.TotalExpired)
        {
            return TotalTimeout(model, deadline, afterFirstToken, ex);
        }

        if (watchdog.Expired is { } silence)
        {
            return new LlmException(LlmErrorCodes.Timeout, $"{model} sent nothing while waiting for {silence}.", ex) { AfterFirstToken = afterFirstToken };
        }

        var what = $"{model}: {ex.Message}";
        return ex switch
        {
            LlmException llm when llm.AfterFirstToken || !afterFirstToken => llm,
            LlmException llm => new LlmException(llm.Code, llm.Message, llm) { AfterFirstToken = true },
            HttpRequestException when afterFirstToken => new LlmException(LlmErrorCodes.StreamCut, what, ex) { AfterFirstToken = true },
            HttpRequestException => new LlmException(LlmErrorCodes.Unavailable, what, ex),
            IOException => new LlmException(LlmErrorCodes.StreamCut, what, ex) { AfterFirstToken = afterFirstToken },
            JsonException => new LlmException(LlmErrorCodes.Protocol, what, ex) { AfterFirstToken = afterFirstToken },
            OperationCanceledException => new LlmException(LlmErrorCodes.Timeout, $"{model}: the client gave up on its own ({ex.Message}).", ex) { AfterFirstToken = afterFirstToken },
            _ => null,
        };
    }

    private static LlmException TotalTimeout(ModelBinding model, ReplyDeadline deadline, bool afterFirstToken, Exception cause) =>
        new(LlmErrorCodes.Timeout, $"The reply from {model} took longer than the total timeout ({deadline.Total}, Llm:Timeouts:Total).", cause)
        {
            AfterFirstToken = afterFirstToken,
        };

    /// <summary>One model failed: its own exception. Several: the first model's code, and every model's reason.</summary>
    private static LlmException NoModelCouldAnswer(List<(ModelBinding Model, LlmException Failure)> failures)
    {
        if (failures.Count == 1)
        {
            return failures[0].Failure;
        }

        var reasons = string.Join("; ", failures.Select(f => $"{f.Model} [{f.Failure.Code}]: {f.Failure.Message}"));
        return new LlmException(failures[0].Failure.Code, $"No model could answer, fallbacks included. {reasons}", failures[0].Failure);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM try with {Model} failed ({Code}): {Reason}")]
    private static partial void LogTryFailed(ILogger logger, string model, string code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM stream from {Model} failed after it started ({Code}): {Reason}")]
    private static partial void LogStreamFailed(ILogger logger, string model, string code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Model} could not start answering ({Code}); falling back to {Fallback}")]
    private static partial void LogFallingBack(ILogger logger, string model, string fallback, string code);
}
