using System.Diagnostics.Metrics;
using System.Reflection;
using LlmMultiChat.Grains.Characters;

namespace LlmMultiChat.Grains.Llm.Gateway;

/// <summary>
/// The gateway's instruments (meter <c>LlmMultiChat.Llm</c>), tagged <c>llm.provider</c> and <c>llm.model</c>:
/// requests sent (every try), failures by <c>error.code</c>, fallbacks taken, time to first token, reply duration,
/// and tokens by <c>llm.token.type</c> (prompt, completion).
/// </summary>
internal sealed class LlmMetrics : IDisposable
{
    public const string MeterName = "LlmMultiChat.Llm";

    private readonly Counter<long> _requests;
    private readonly Counter<long> _failures;
    private readonly Counter<long> _fallbacks;
    private readonly Histogram<double> _timeToFirstToken;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _tokens;

    public LlmMetrics()
    {
        Meter = new Meter(MeterName, typeof(LlmMetrics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);
        _requests = Meter.CreateCounter<long>("llm.requests", "{request}", "Requests sent to a provider, every try and fallback counted.");
        _failures = Meter.CreateCounter<long>("llm.failures", "{failure}", "Tries that failed, and calls refused by an open circuit, by error.code.");
        _fallbacks = Meter.CreateCounter<long>("llm.fallbacks", "{fallback}", "Times a fallback model was tried because the one before it could not start answering.");
        _timeToFirstToken = Meter.CreateHistogram<double>("llm.time_to_first_token", "s", "From the gateway call to the first piece of the reply.");
        _duration = Meter.CreateHistogram<double>("llm.reply.duration", "s", "From the gateway call to the end of a completed reply.");
        _tokens = Meter.CreateCounter<long>("llm.tokens", "{token}", "Tokens reported by providers, by llm.token.type (prompt, completion).");
    }

    public Meter Meter { get; }

    public void Request(ModelBinding model) => _requests.Add(1, Provider(model), Model(model));

    public void Failure(ModelBinding model, LlmException failure) =>
        _failures.Add(1, Provider(model), Model(model), new("error.code", failure.Code), new("llm.after_first_token", failure.AfterFirstToken));

    public void Fallback(ModelBinding model) => _fallbacks.Add(1, Provider(model), Model(model));

    public void FirstToken(ModelBinding model, TimeSpan elapsed) => _timeToFirstToken.Record(elapsed.TotalSeconds, Provider(model), Model(model));

    public void Completed(ModelBinding model, LlmCompleted completed, TimeSpan elapsed)
    {
        _duration.Record(elapsed.TotalSeconds, Provider(model), Model(model));
        _tokens.Add(completed.PromptTokens, Provider(model), Model(model), new("llm.token.type", "prompt"));
        _tokens.Add(completed.CompletionTokens, Provider(model), Model(model), new("llm.token.type", "completion"));
    }

    public void Dispose() => Meter.Dispose();

    private static KeyValuePair<string, object?> Provider(ModelBinding model) => new("llm.provider", model.Provider);

    private static KeyValuePair<string, object?> Model(ModelBinding model) => new("llm.model", model.Model);
}
