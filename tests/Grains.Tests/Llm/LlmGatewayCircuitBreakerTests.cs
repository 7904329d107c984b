using LlmMultiChat.FakeLlm.Scripting;
using LlmMultiChat.Grains.Llm;
using LlmMultiChat.Grains.Llm.Gateway;
using LlmMultiChat.Grains.Tests.Llm.Support;
using Polly.CircuitBreaker;

namespace LlmMultiChat.Grains.Tests.Llm;

public sealed class LlmGatewayCircuitBreakerTests
{
    private static readonly TimeSpan s_breakDuration = TimeSpan.FromSeconds(15);

    private static void Sensitive(LlmOptions options)
    {
        options.Retry.MaxRetries = 0;
        options.CircuitBreaker = new LlmCircuitBreakerOptions
        {
            FailureRatio = 0.5,
            MinimumThroughput = 2,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = s_breakDuration,
        };
    }

    [Fact]
    public async Task Opens_after_repeated_failures_fails_fast_without_the_server_then_recovers_after_the_break()
    {
        await using var llm = await GatewayHarness.StartAsync(Sensitive);
        llm.Server.Script(FakeReply.Error(503, "overloaded"));

        Assert.Equal(LlmErrorCodes.Unavailable, (await llm.Stream().ReadAllOrFail("failure 1")).LlmError.Code);
        Assert.Equal(CircuitState.Closed, llm.Gateway.CircuitState("local"));
        Assert.Equal(LlmErrorCodes.Unavailable, (await llm.Stream().ReadAllOrFail("failure 2")).LlmError.Code);
        Assert.Equal(CircuitState.Open, llm.Gateway.CircuitState("local"));

        var refused = await llm.Stream().ReadAllOrFail("the call refused by the open circuit");
        Assert.Equal(LlmErrorCodes.CircuitOpen, refused.LlmError.Code);
        Assert.False(refused.LlmError.AfterFirstToken);
        Assert.Equal(2, llm.Server.ChatRequests.Count);

        llm.Server.ClearScripts();
        llm.Clock.Advance(s_breakDuration - TimeSpan.FromSeconds(1));
        Assert.Equal(LlmErrorCodes.CircuitOpen, (await llm.Stream().ReadAllOrFail("a call just before the break ends")).LlmError.Code);
        Assert.Equal(2, llm.Server.ChatRequests.Count);

        llm.Clock.Advance(TimeSpan.FromSeconds(1));
        var trial = await llm.Stream().ReadAllOrFail("the trial call after the break");
        Assert.Null(trial.Error);
        Assert.Equal(CircuitState.Closed, llm.Gateway.CircuitState("local"));
        Assert.Null((await llm.Stream().ReadAllOrFail("a call on the closed circuit")).Error);
        Assert.Equal(4, llm.Server.ChatRequests.Count);
        Assert.Equal(2, llm.Metrics.Sum("llm.failures", ("error.code", LlmErrorCodes.CircuitOpen)));
    }

    [Fact]
    public async Task A_failed_trial_call_opens_the_circuit_again()
    {
        await using var llm = await GatewayHarness.StartAsync(Sensitive);
        llm.Server.Script(FakeReply.Error(503, "overloaded"));
        await llm.Stream().ReadAllOrFail("failure 1");
        await llm.Stream().ReadAllOrFail("failure 2");

        llm.Clock.Advance(s_breakDuration);
        Assert.Equal(LlmErrorCodes.Unavailable, (await llm.Stream().ReadAllOrFail("the failed trial")).LlmError.Code);

        Assert.Equal(CircuitState.Open, llm.Gateway.CircuitState("local"));
        Assert.Equal(LlmErrorCodes.CircuitOpen, (await llm.Stream().ReadAllOrFail("a call after the failed trial")).LlmError.Code);
        Assert.Equal(3, llm.Server.ChatRequests.Count);
    }

    [Fact]
    public async Task Failures_in_the_middle_of_streams_count_toward_the_breaker()
    {
        await using var llm = await GatewayHarness.StartAsync(Sensitive);
        llm.Server.Script(FakeReply.Text("one two three").CutAfter(1));

        var cut = await llm.Stream().ReadAllOrFail("the cut stream");

        Assert.Equal(LlmErrorCodes.StreamCut, cut.LlmError.Code);
        Assert.Equal(CircuitState.Open, llm.Gateway.CircuitState("local"));
        Assert.Equal(LlmErrorCodes.CircuitOpen, (await llm.Stream().ReadAllOrFail("the next call")).LlmError.Code);
    }

    [Fact]
    public async Task Answers_about_one_request_do_not_open_the_circuit()
    {
        await using var llm = await GatewayHarness.StartAsync(Sensitive);
        llm.Server.Script(FakeReply.Error(404, "model not found"));

        for (var i = 1; i <= 3; i++)
        {
            Assert.IsType<LlmHttpException>((await llm.Stream().ReadAllOrFail($"not found {i}")).Error);
        }

        Assert.Equal(CircuitState.Closed, llm.Gateway.CircuitState("local"));
        Assert.Equal(3, llm.Server.ChatRequests.Count);
    }

    [Fact]
    public async Task Each_provider_has_its_own_breaker()
    {
        await using var llm = await GatewayHarness.StartAsync(Sensitive);
        llm.Server.Script(FakeReply.Error(503, "overloaded"), r => r.Protocol == "ollama");
        await llm.Stream().ReadAllOrFail("failure 1");
        await llm.Stream().ReadAllOrFail("failure 2");

        var other = await llm.Stream(new LlmMultiChat.Grains.Characters.ModelBinding("cloud", "gpt-4o-mini")).ReadAllOrFail("a call to the other provider");

        Assert.Equal(CircuitState.Open, llm.Gateway.CircuitState("local"));
        Assert.Null(other.Error);
        Assert.Equal(CircuitState.Closed, llm.Gateway.CircuitState("cloud"));
    }
}
