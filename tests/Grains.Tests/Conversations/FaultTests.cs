using LlmMultiChat.FakeLlm.Scripting;
using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Conversations.Events;
using LlmMultiChat.Grains.Llm;
using LlmMultiChat.Grains.Tests.Conversations.Support;
using Silo.Testing;

namespace LlmMultiChat.Grains.Tests.Conversations;

/// <summary>Every fault of the model ends in a stored message with the right status, an error event, and a working conversation.</summary>
public sealed class FaultTests
{
    [Fact]
    public async Task A_server_error_before_any_token_stores_the_characters_fallback_line_as_failed()
    {
        await using var harness = await ConversationHarness.StartAsync();
        await harness.CreateAsync("c1", ["lumina"]);
        harness.Llm.Enqueue(FakeReply.Error(500));

        var turn = await harness.SendAsync("c1", "こんにちは");

        var reply = Assert.Single(turn.Replies);
        Assert.Equal((MessageStatus.Failed, UpstreamCharacters.Lumina.FallbackLine), (reply.Status, reply.Content));
        Assert.Equal((LlmErrorCodes.Unavailable, reply.Id), (Assert.Single(turn.Errors).Code, turn.Errors[0].MessageId));
        Assert.Equal(reply.Error, turn.Errors[0].Message);
        await AssertRecoversAsync(harness);
    }

    [Theory]
    [InlineData("cut", LlmErrorCodes.StreamCut)]
    [InlineData("malformed", LlmErrorCodes.Protocol)]
    public async Task A_stream_that_breaks_after_some_tokens_keeps_them_as_a_failed_reply(string fault, string code)
    {
        await using var harness = await ConversationHarness.StartAsync();
        await harness.CreateAsync("c1", ["lumina"]);
        var reply = FakeReply.Text("one two three four five");
        harness.Llm.Enqueue(fault == "cut" ? reply.CutAfter(3) : reply.MalformedAfter(3));

        var turn = await harness.SendAsync("c1", "こんにちは");

        var stored = Assert.Single(turn.Replies);
        Assert.Equal((MessageStatus.Failed, "one two three"), (stored.Status, stored.Content));
        Assert.Equal(code, Assert.Single(turn.Errors).Code);
        await AssertRecoversAsync(harness);
    }

    [Fact]
    public async Task A_stream_that_stalls_times_out_and_keeps_what_came()
    {
        await using var harness = await ConversationHarness.StartAsync();
        await harness.CreateAsync("c1", ["lumina"]);
        harness.Llm.Enqueue(FakeReply.Text("one two three four five").StallAfter(3));

        var human = await harness.Conversation("c1").Send(ConversationHarness.Alice, "こんにちは");
        var collecting = harness.CollectTurnAsync("c1", afterSeq: 0, human);
        await harness.Time.WhenTimerArmed(TimeSpan.FromSeconds(30), occurrence: 3).WaitOrFail("the watchdog waiting for the fourth token");
        harness.Time.Advance(TimeSpan.FromSeconds(30));
        var turn = await collecting.WaitOrFail("the stalled turn to end");

        Assert.Equal((MessageStatus.Failed, "one two three"), (turn.Replies[0].Status, turn.Replies[0].Content));
        Assert.Equal(LlmErrorCodes.Timeout, Assert.Single(turn.Errors).Code);
        await Assert.Single(harness.Llm.ChatRequests).ClientDisconnected.WaitOrFail("the stalled request to be aborted");
        await AssertRecoversAsync(harness);
    }

    [Fact]
    public async Task Repeated_failures_open_the_circuit_so_the_model_is_not_asked_until_it_has_rested()
    {
        // Counting requests: no thread summary may ask the model in between.
        await using var harness = await ConversationHarness.StartAsync(new Dictionary<string, string?> { ["MidTermMemory:FlushAfterTurns"] = "100" });
        await harness.CreateAsync("c1", ["lumina"]);
        harness.Llm.Script(FakeReply.Error(503));

        // The breaker needs at least 4 calls in its window with half of them failing.
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(LlmErrorCodes.Unavailable, (await harness.SendAsync("c1", $"try {i}")).Errors.Single().Code);
        }

        var open = await harness.SendAsync("c1", "and again");
        Assert.Equal(LlmErrorCodes.CircuitOpen, open.Errors.Single().Code);
        Assert.Equal(4, harness.Llm.ChatRequests.Count);

        harness.Llm.ClearScripts();
        harness.Time.Advance(TimeSpan.FromSeconds(30));
        var recovered = await harness.SendAsync("c1", "rested?");
        Assert.Equal(MessageStatus.Complete, recovered.Replies.Single().Status);
        Assert.Equal(5, harness.Llm.ChatRequests.Count);
    }

    [Fact]
    public async Task A_model_that_cannot_start_answering_falls_back_to_the_next_model()
    {
        await using var harness = await ConversationHarness.StartAsync(new Dictionary<string, string?> { ["Llm:Fallbacks:0"] = "openai:gpt-4o-mini" });
        await harness.CreateAsync("c1", ["lumina"]);
        harness.Llm.ScriptModel("qwen2.5:3b", FakeReply.Error(500));

        var turn = await harness.SendAsync("c1", "こんにちは");

        var reply = Assert.Single(turn.Replies);
        Assert.Equal(MessageStatus.Complete, reply.Status);
        Assert.Equal(("openai", "gpt-4o-mini", true), (reply.Usage!.Provider, reply.Usage.Model, reply.Usage.UsedFallback));
        Assert.Empty(turn.Errors);
    }

    private static async Task AssertRecoversAsync(ConversationHarness harness)
    {
        var next = await harness.SendAsync("c1", "もう大丈夫？");
        Assert.Equal(MessageStatus.Complete, next.Replies.Single().Status);
        Assert.Empty(next.Errors);
    }
}
