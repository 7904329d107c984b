using LlmMultiChat.FakeLlm.Scripting;
using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Conversations.Events;
using LlmMultiChat.Grains.Tests.Conversations.Support;
using Microsoft.Extensions.DependencyInjection;
using Silo.Testing;

namespace LlmMultiChat.Grains.Tests.Conversations;

/// <summary>Subscribers that drop and come back get every event after the last one they saw, once, in order.</summary>
public sealed class ResumeTests
{
    private static readonly string Reply = string.Join(" ", Enumerable.Range(0, 60).Select(i => $"t{i}"));

    [Fact]
    public async Task A_subscriber_that_drops_mid_stream_and_resumes_gets_every_later_event_exactly_once_in_order()
    {
        await using var harness = await ConversationHarness.StartAsync(tokensPerSecond: 200);
        harness.Llm.Script(FakeReply.Text(Reply));
        await harness.CreateAsync("c1", ["lumina"]);
        var human = await harness.Conversation("c1").Send(ConversationHarness.Alice, "hello");
        var everything = harness.CollectTurnAsync("c1", afterSeq: 0, human);

        var beforeDrop = new List<ConversationEvent>();
        await foreach (var @event in harness.Events("c1", afterSeq: 0))
        {
            beforeDrop.Add(@event);
            if (beforeDrop.Count == 10)
            {
                break;
            }
        }

        var afterResume = await harness.CollectTurnAsync("c1", beforeDrop[^1].Seq, human);
        var reference = (await everything.WaitOrFail("the uninterrupted subscriber")).Events;

        Assert.Equal(reference.Select(e => e.Seq), beforeDrop.Concat(afterResume.Events).Select(e => e.Seq));
        Assert.Equal(reference, [.. beforeDrop, .. afterResume.Events]);
        Assert.Equal(Reply, afterResume.Replies.Single().Content);
    }

    [Fact]
    public async Task Resuming_from_any_event_after_the_turn_replays_exactly_the_rest()
    {
        await using var harness = await ConversationHarness.StartAsync();
        await harness.CreateAsync("c1", ["lumina"]);
        var turn = await harness.SendAsync("c1", "one two three four five six");
        var full = turn.Events;

        foreach (var n in new[] { 1, 2, full.Count / 2, full.Count - 1 })
        {
            var rest = await harness.CollectTurnAsync("c1", full[n - 1].Seq, turn.Human);
            Assert.Equal(full.Skip(n).Select(e => e.Seq), rest.Events.Select(e => e.Seq));
        }
    }

    [Fact]
    public async Task After_reactivation_sequence_numbers_keep_growing_and_a_resume_from_before_asks_for_a_reload()
    {
        await using var harness = await ConversationHarness.StartAsync();
        await harness.CreateAsync("c1", ["lumina"]);
        var before = await harness.SendAsync("c1", "first");
        var lastSeen = before.Events[^1].Seq;

        harness.Time.Advance(TimeSpan.FromMinutes(16));
        await harness.Silo.WhenDeactivated(GrainId.Create("chat-session", "c1")).WaitOrFail("the idle conversation to be collected");

        var replay = await harness.Conversation("c1").EventsAfter(lastSeen);
        Assert.False(replay.IsComplete);
        Assert.IsType<ResyncRequired>(await harness.Events("c1", lastSeen).FirstAsync());
        var after = await harness.SendAsync("c1", "second");
        Assert.True(after.Events.OfType<MessageCompleted>().First().Seq > lastSeen);
        Assert.Equal(["first", "second"], (await harness.Conversation("c1").Messages(null, 10)).Where(m => m.SpeakerKind == SpeakerKind.Human).Select(m => m.Content));
    }

    [Fact]
    public async Task A_reply_left_unfinished_by_a_crash_is_marked_failed_when_the_conversation_comes_back()
    {
        await using var harness = await ConversationHarness.StartAsync();
        await harness.CreateAsync("c1", ["lumina"]);
        await harness.SendAsync("c1", "first");
        harness.Time.Advance(TimeSpan.FromMinutes(16));
        await harness.Silo.WhenDeactivated(GrainId.Create("chat-session", "c1")).WaitOrFail("the idle conversation to be collected");
        // What a process that died mid-reply leaves behind: a reply row still Streaming.
        var log = harness.Silo.Services.GetRequiredService<IConversationLog>();
        var orphan = new ChatMessage("orphan", "c1", 2, SpeakerKind.Character, "lumina", "ルミナ", string.Empty, MessageStatus.Streaming, harness.Time.GetUtcNow());
        await log.AppendAsync(orphan, CancellationToken.None);

        var messages = await harness.Conversation("c1").Messages(null, 10);

        Assert.Equal(MessageStatus.Failed, messages[^1].Status);
        Assert.Contains("server stopped", messages[^1].Error, StringComparison.Ordinal);
        Assert.Equal(3, (await harness.SendAsync("c1", "second")).Human.Index);
    }

    [Fact]
    public async Task Fifty_conversations_streaming_at_once_each_get_their_own_replies_complete_and_in_order()
    {
        await using var harness = await ConversationHarness.StartAsync(tokensPerSecond: 500);
        var ids = Enumerable.Range(0, 50).Select(i => $"room-{i}").ToList();
        foreach (var id in ids)
        {
            await harness.CreateAsync(id, ["lumina"]);
        }

        var turns = await Task.WhenAll(ids.Select(id => Task.Run(() => harness.SendAsync(id, $"message for {id} with several words in it")))).WaitOrFail("fifty turns");

        foreach (var (id, turn) in ids.Zip(turns))
        {
            var reply = Assert.Single(turn.Replies);
            Assert.Equal($"Echo from qwen2.5:3b: アリス: message for {id} with several words in it", reply.Content);
            Assert.Equal(reply.Content, turn.Streamed(reply.Id));
            Assert.All(turn.Events, e => Assert.Equal(id, e.ConversationId));
            Assert.Equal(turn.Events.Select(e => e.Seq).Order(), turn.Events.Select(e => e.Seq));
        }
    }
}
