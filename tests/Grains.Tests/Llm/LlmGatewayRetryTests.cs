using LlmMultiChat.FakeLlm;
using LlmMultiChat.FakeLlm.Scripting;
using LlmMultiChat.Grains.Llm;
using LlmMultiChat.Grains.Tests.Llm.Support;
using Silo.Testing;

namespace LlmMultiChat.Grains.Tests.Llm;

public sealed class LlmGatewayRetryTests
{
    private static readonly TimeSpan s_second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Retries_before_the_first_token_with_exponential_backoff_then_streams_the_reply()
    {
        await using var llm = await GatewayHarness.StartAsync();
        llm.Server.Enqueue(FakeReply.Error(503, "loading model"));
        llm.Server.Enqueue(FakeReply.Error(500, "out of memory"));

        var reading = llm.Stream().ReadAllAsync();
        await llm.Clock.WhenTimerArmed(s_second).WaitOrFail("the first retry delay (1 s)");
        llm.Clock.Advance(s_second);
        await llm.Clock.WhenTimerArmed(2 * s_second).WaitOrFail("the second retry delay (2 s)");
        llm.Clock.Advance(2 * s_second);
        var reply = await reading.WaitOrFail("the reply after two retries");

        Assert.Null(reply.Error);
        var requests = llm.Server.ChatRequests;
        Assert.Equal(3, requests.Count);
        Assert.Equal(FakeLlmServer.DefaultReplyText(requests[2]), reply.Text);
        Assert.Equal(s_second, requests[1].ReceivedAt - requests[0].ReceivedAt);
        Assert.Equal(2 * s_second, requests[2].ReceivedAt - requests[1].ReceivedAt);
        Assert.False(reply.Completed!.UsedFallback);
    }

    [Fact]
    public async Task Gives_up_after_MaxRetries_with_the_last_failure()
    {
        await using var llm = await GatewayHarness.StartAsync();
        llm.Server.Script(FakeReply.Error(502, "bad gateway"));

        var reading = llm.Stream().ReadAllAsync();
        await llm.Clock.WhenTimerArmed(s_second).WaitOrFail("the first retry delay");
        llm.Clock.Advance(s_second);
        await llm.Clock.WhenTimerArmed(2 * s_second).WaitOrFail("the second retry delay");
        llm.Clock.Advance(2 * s_second);
        var reply = await reading.WaitOrFail("the failed reply");

        var error = Assert.IsType<LlmHttpException>(reply.Error);
        Assert.Equal(502, error.StatusCode);
        Assert.False(error.AfterFirstToken);
        Assert.Equal(3, llm.Server.ChatRequests.Count);
    }

    [Fact]
    public async Task Retries_a_connection_cut_before_the_first_token()
    {
        await using var llm = await GatewayHarness.StartAsync();
        llm.Server.Enqueue(FakeReply.Text("never read").CutAfter(0));

        var reading = llm.Stream().ReadAllAsync();
        await llm.Clock.WhenTimerArmed(s_second).WaitOrFail("the retry delay");
        llm.Clock.Advance(s_second);
        var reply = await reading.WaitOrFail("the reply after the retry");

        Assert.Null(reply.Error);
        Assert.Equal(2, llm.Server.ChatRequests.Count);
    }

    [Fact]
    public async Task Does_not_retry_a_request_the_endpoint_rejects()
    {
        await using var llm = await GatewayHarness.StartAsync();
        llm.Server.Script(FakeReply.Error(404, "model 'main' not found, try pulling it first"));

        var reply = await llm.Stream().ReadAllOrFail("the rejected reply");

        Assert.Equal(404, Assert.IsType<LlmHttpException>(reply.Error).StatusCode);
        Assert.Single(llm.Server.ChatRequests);
    }

    [Fact]
    public async Task Does_not_retry_a_broken_protocol()
    {
        await using var llm = await GatewayHarness.StartAsync();
        llm.Server.Script(FakeReply.Text("one two").MalformedAfter(0));

        var reply = await llm.Stream().ReadAllOrFail("the malformed reply");

        Assert.Equal(LlmErrorCodes.Protocol, reply.LlmError.Code);
        Assert.Single(llm.Server.ChatRequests);
    }

    [Fact]
    public async Task Never_retries_nor_falls_back_once_a_token_was_yielded()
    {
        await using var llm = await GatewayHarness.StartAsync(o => o.Fallbacks = ["cloud:backup"]);
        llm.Server.Enqueue(FakeReply.Text("one two three four").CutAfter(2));

        var reply = await llm.Stream().ReadAllOrFail("the cut reply");

        Assert.Equal(["one", " two"], reply.Tokens);
        Assert.Equal(LlmErrorCodes.StreamCut, reply.LlmError.Code);
        Assert.True(reply.LlmError.AfterFirstToken);
        Assert.Equal(["main"], llm.Server.ChatRequests.Select(r => r.Model));
        Assert.False(llm.Clock.WhenTimerArmed(s_second).IsCompleted, "No retry delay may be scheduled after a token was yielded.");
    }
}
