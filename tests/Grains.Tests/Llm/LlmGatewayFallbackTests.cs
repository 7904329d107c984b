using LlmMultiChat.FakeLlm;
using LlmMultiChat.FakeLlm.Scripting;
using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Llm;
using LlmMultiChat.Grains.Tests.Llm.Support;
using Silo.Testing;

namespace LlmMultiChat.Grains.Tests.Llm;

public sealed class LlmGatewayFallbackTests
{
    private static void NoRetries(Grains.Llm.Gateway.LlmOptions options)
    {
        options.Retry.MaxRetries = 0;
        options.Fallbacks = ["local:main", "cloud:backup"];
    }

    [Fact]
    public async Task Falls_back_to_another_provider_when_the_model_cannot_start_answering()
    {
        await using var llm = await GatewayHarness.StartAsync(NoRetries);
        llm.Server.ScriptModel("main", FakeReply.Error(503, "overloaded"));

        var reply = await llm.Stream().ReadAllOrFail("the fallback's reply");

        Assert.Null(reply.Error);
        Assert.Equal(["/api/chat main", "/v1/chat/completions backup"], llm.Server.ChatRequests.Select(r => $"{r.Path} {r.Model}"));
        Assert.Equal(FakeLlmServer.DefaultReplyText(llm.Server.ChatRequests[1]), reply.Text);
        Assert.True(reply.Completed!.UsedFallback);
        Assert.Equal("cloud", reply.Completed.Provider);
        Assert.Equal("backup", reply.Completed.Model);
        Assert.Equal(1, llm.Metrics.Sum("llm.fallbacks", ("llm.provider", "cloud"), ("llm.model", "backup")));
    }

    [Fact]
    public async Task An_open_circuit_falls_back_without_touching_the_primary()
    {
        await using var llm = await GatewayHarness.StartAsync(o =>
        {
            NoRetries(o);
            o.CircuitBreaker.MinimumThroughput = 2;
            o.CircuitBreaker.FailureRatio = 0.5;
        });
        llm.Server.ScriptModel("main", FakeReply.Error(503, "overloaded"));
        await llm.Stream().ReadAllOrFail("reply 1");
        await llm.Stream().ReadAllOrFail("reply 2");
        Assert.Equal(2, llm.Server.ChatRequests.Count(r => r.Model == "main"));

        var reply = await llm.Stream().ReadAllOrFail("reply 3, with the primary's circuit open");

        Assert.True(reply.Completed!.UsedFallback);
        Assert.Equal(2, llm.Server.ChatRequests.Count(r => r.Model == "main"));
        Assert.Equal(3, llm.Server.ChatRequests.Count(r => r.Model == "backup"));
    }

    [Fact]
    public async Task When_every_model_fails_the_error_names_each_and_keeps_the_first_code()
    {
        await using var llm = await GatewayHarness.StartAsync(NoRetries);
        llm.Server.ScriptModel("main", FakeReply.Error(503, "primary overloaded"));
        llm.Server.ScriptModel("backup", FakeReply.Text("x").MalformedAfter(0));

        var reply = await llm.Stream().ReadAllOrFail("the failed reply");

        var error = reply.LlmError;
        Assert.Equal(LlmErrorCodes.Unavailable, error.Code);
        Assert.False(error.AfterFirstToken);
        Assert.Contains("local:main [llm_unavailable]", error.Message, StringComparison.Ordinal);
        Assert.Contains("primary overloaded", error.Message, StringComparison.Ordinal);
        Assert.Contains("cloud:backup [llm_protocol_error]", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, llm.Server.ChatRequests.Count);
    }

    [Fact]
    public async Task An_unknown_provider_fails_with_unknown_provider_without_any_request()
    {
        await using var llm = await GatewayHarness.StartAsync(NoRetries);

        var reply = await llm.Stream(new ModelBinding("nowhere", "m")).ReadAllOrFail("the refused reply");

        Assert.Equal(LlmErrorCodes.UnknownProvider, reply.LlmError.Code);
        Assert.Contains("'nowhere'", reply.LlmError.Message, StringComparison.Ordinal);
        Assert.Empty(llm.Server.Requests);
        Assert.Equal(1, llm.Metrics.Sum("llm.failures", ("llm.provider", "nowhere"), ("error.code", LlmErrorCodes.UnknownProvider)));
    }

    [Fact]
    public async Task The_bindings_model_and_sampling_override_the_default_and_the_request()
    {
        await using var llm = await GatewayHarness.StartAsync();
        var binding = new ModelBinding("CLOUD", "gpt-4o-mini", Temperature: 0.2, TopP: 0.8, MaxTokens: 3);

        var reply = await llm.Gateway.StreamAsync(binding, GatewayHarness.Request() with { Temperature = 0.9, MaxTokens = 100 }, CancellationToken.None)
            .ReadAllOrFail("the reply");

        var sent = Assert.Single(llm.Server.ChatRequests);
        Assert.Equal(("/v1/chat/completions", "gpt-4o-mini", 0.2, 0.8, 3), (sent.Path, sent.Model, sent.Temperature, sent.TopP, sent.MaxTokens));
        Assert.Equal(("cloud", "gpt-4o-mini", "length"), (reply.Completed!.Provider, reply.Completed.Model, reply.Completed.FinishReason));
    }

    [Fact]
    public async Task Cancelling_is_not_a_failure_and_aborts_the_request()
    {
        await using var llm = await GatewayHarness.StartAsync(NoRetries);
        llm.Server.Enqueue(FakeReply.Text("one two three").StallAfter(1));
        using var cancel = new CancellationTokenSource();

        await using var items = llm.Stream(cancellationToken: cancel.Token).GetAsyncEnumerator();
        await items.NextOrFail("the first token");
        var next = items.MoveNextAsync().AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitOrFail("the cancelled stream"));
        await Assert.Single(llm.Server.ChatRequests).ClientDisconnected.WaitOrFail("the request to be aborted");
        Assert.Equal(0, llm.Metrics.Count("llm.failures"));
    }

    [Fact]
    public async Task Requests_failures_first_tokens_and_tokens_are_measured()
    {
        await using var llm = await GatewayHarness.StartAsync(o => o.Retry.MaxRetries = 1);
        llm.Server.Enqueue(FakeReply.Error(500));
        llm.Server.Enqueue(FakeReply.Text("three little words").WithUsage(promptTokens: 12, completionTokens: 3));

        var reading = llm.Stream().ReadAllAsync();
        await llm.Clock.WhenTimerArmed(TimeSpan.FromSeconds(1)).WaitOrFail("the retry delay");
        llm.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null((await reading.WaitOrFail("the reply")).Error);

        (string, object?)[] main = [("llm.provider", "local"), ("llm.model", "main")];
        Assert.Equal(2, llm.Metrics.Sum("llm.requests", main));
        Assert.Equal(1, llm.Metrics.Sum("llm.failures", [.. main, ("error.code", LlmErrorCodes.Unavailable)]));
        Assert.Equal(1, llm.Metrics.Count("llm.time_to_first_token", main));
        Assert.Equal(1, llm.Metrics.Sum("llm.time_to_first_token", main));
        Assert.Equal(12, llm.Metrics.Sum("llm.tokens", [.. main, ("llm.token.type", "prompt")]));
        Assert.Equal(3, llm.Metrics.Sum("llm.tokens", [.. main, ("llm.token.type", "completion")]));
        Assert.Equal(1, llm.Metrics.Count("llm.reply.duration", main));
    }
}
