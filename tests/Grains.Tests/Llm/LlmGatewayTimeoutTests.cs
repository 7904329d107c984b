using LlmMultiChat.FakeLlm.Scripting;
using LlmMultiChat.Grains.Llm;
using LlmMultiChat.Grains.Tests.Llm.Support;
using Silo.Testing;

namespace LlmMultiChat.Grains.Tests.Llm;

public sealed class LlmGatewayTimeoutTests
{
    private static readonly TimeSpan s_firstToken = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_betweenTokens = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_slow_first_token_abandons_the_try_and_the_retry_answers()
    {
        await using var llm = await GatewayHarness.StartAsync(o => o.Retry.MaxRetries = 1);
        llm.Server.Enqueue(FakeReply.Text("too late").WithFirstTokenDelay(TimeSpan.FromHours(1)));
        var started = llm.Clock.GetUtcNow();

        var reading = llm.Stream().ReadAllAsync();
        await llm.Server.WaitForRequestAsync(1).WaitOrFail("the first try");
        await llm.Clock.WhenTimerArmed(s_firstToken).WaitOrFail("the first-token watchdog");
        llm.Clock.Advance(s_firstToken);
        var abandoned = llm.Server.ChatRequests[0];
        Assert.Equal(started + s_firstToken, await abandoned.ClientDisconnected.WaitOrFail("the slow try to be aborted"));
        await llm.Clock.WhenTimerArmed(TimeSpan.FromSeconds(1)).WaitOrFail("the retry delay");
        llm.Clock.Advance(TimeSpan.FromSeconds(1));
        var reply = await reading.WaitOrFail("the retried reply");

        Assert.Null(reply.Error);
        Assert.DoesNotContain("too late", reply.Text, StringComparison.Ordinal);
        Assert.Equal(2, llm.Server.ChatRequests.Count);
        Assert.Equal(1, llm.Metrics.Sum("llm.failures", ("error.code", LlmErrorCodes.Timeout)));
    }

    [Fact]
    public async Task Silence_between_tokens_fails_the_reply_after_the_first_token_and_aborts_the_request()
    {
        await using var llm = await GatewayHarness.StartAsync();
        llm.Server.Enqueue(FakeReply.Text("one two three").StallAfter(2));

        await using var items = llm.Stream().GetAsyncEnumerator();
        Assert.Equal(new LlmToken("one"), await items.NextOrFail("the first token"));
        Assert.Equal(new LlmToken(" two"), await items.NextOrFail("the second token"));
        var next = items.MoveNextAsync().AsTask();
        await llm.Clock.WhenTimerArmed(s_betweenTokens, occurrence: 2).WaitOrFail("the watchdog for the third token");
        llm.Clock.Advance(s_betweenTokens);

        var error = await Assert.ThrowsAsync<LlmException>(() => next.WaitOrFail("the silent stream to time out"));
        Assert.Equal(LlmErrorCodes.Timeout, error.Code);
        Assert.True(error.AfterFirstToken);
        Assert.Contains("next token", error.Message, StringComparison.Ordinal);
        await Assert.Single(llm.Server.ChatRequests).ClientDisconnected.WaitOrFail("the stalled request to be aborted");
    }

    [Fact]
    public async Task Time_the_caller_spends_on_a_token_is_not_silence_from_the_model()
    {
        // The model sends a token every 30 s; the caller holds each token 25 s, then waits 5 s for the next. The
        // model is never silent for 10 s while the caller waits, so the reply completes.
        var pace = TimeSpan.FromSeconds(30);
        var holding = TimeSpan.FromSeconds(25);
        await using var llm = await GatewayHarness.StartAsync(o => o.Timeouts.FirstToken = TimeSpan.FromSeconds(40));
        llm.Server.Enqueue(FakeReply.Text("one two three").AtRate(1 / pace.TotalSeconds));

        await using var items = llm.Stream().GetAsyncEnumerator();
        Assert.Equal(new LlmToken("one"), await items.NextOrFail("the first token"));
        for (var token = 2; token <= 3; token++)
        {
            await llm.Clock.WhenTimerArmed(pace, occurrence: token - 1).WaitOrFail($"the server's pause before token {token}");
            llm.Clock.Advance(holding);
            var next = items.MoveNextAsync().AsTask();
            await llm.Clock.WhenTimerArmed(s_betweenTokens, occurrence: token - 1).WaitOrFail($"the watchdog for token {token}");
            llm.Clock.Advance(pace - holding);
            Assert.True(await next.WaitOrFail($"token {token}"));
            Assert.IsType<LlmToken>(items.Current);
        }

        Assert.IsType<LlmCompleted>(await items.NextOrFail("the completion"));
    }

    [Fact]
    public async Task The_total_timeout_ends_a_reply_that_keeps_coming_but_takes_too_long()
    {
        var pace = TimeSpan.FromSeconds(8);
        await using var llm = await GatewayHarness.StartAsync(o => o.Timeouts.Total = TimeSpan.FromSeconds(25));
        llm.Server.Enqueue(FakeReply.Text("one two three four five six").AtRate(1 / pace.TotalSeconds));

        await using var items = llm.Stream().GetAsyncEnumerator();
        await items.NextOrFail("the first token");
        for (var token = 2; token <= 4; token++)
        {
            await llm.Clock.WhenTimerArmed(pace, occurrence: token - 1).WaitOrFail($"the server's pause before token {token}");
            llm.Clock.Advance(pace);
            await items.NextOrFail($"token {token}, {pace} after the one before (under the between-tokens timeout)");
        }

        var next = items.MoveNextAsync().AsTask();
        await llm.Clock.WhenTimerArmed(pace, occurrence: 4).WaitOrFail("the server's pause before token 5");
        llm.Clock.Advance(TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<LlmException>(() => next.WaitOrFail("the reply to hit the total timeout at 25 s"));
        Assert.Equal(LlmErrorCodes.Timeout, error.Code);
        Assert.True(error.AfterFirstToken);
        Assert.Contains("total timeout", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, Assert.Single(llm.Server.ChatRequests).TokensSent);
    }
}
