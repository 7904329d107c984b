using System.Diagnostics;
using LlmMultiChat.FakeLlm.Scripting;
using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Conversations.Events;
using LlmMultiChat.Grains.Tests.Conversations.Support;
using Silo.Testing;

namespace LlmMultiChat.Grains.Tests.Conversations;

/// <summary>Stopping a reply: by an explicit interrupt or a new human message. The fake streams in real time here.</summary>
public sealed class InterruptionTests
{
    private static readonly string LongReply = string.Join(" ", Enumerable.Range(0, 400).Select(i => $"word{i}"));

    [Fact]
    public async Task An_interrupt_during_streaming_stops_generation_within_200_ms_and_keeps_the_partial_reply()
    {
        await using var harness = await ConversationHarness.StartAsync(tokensPerSecond: 50);
        harness.Llm.Script(FakeReply.Text(LongReply));
        await harness.CreateAsync("c1", ["lumina"]);
        var conversation = harness.Conversation("c1");
        var human = await conversation.Send(ConversationHarness.Alice, "長い話をして");

        var received = new List<ConversationEvent>();
        var clock = new Stopwatch();
        await foreach (var @event in harness.Events("c1", afterSeq: 0))
        {
            received.Add(@event);
            if (received.OfType<MessageChunk>().Count() == 5 && !clock.IsRunning)
            {
                clock.Start();
                _ = conversation.Interrupt(ConversationHarness.Alice);
            }

            if (@event is MessageCompleted { Message.SpeakerKind: SpeakerKind.Character })
            {
                clock.Stop();
            }

            if (@event is TurnCompleted)
            {
                break;
            }
        }

        var reply = received.OfType<MessageCompleted>().Last().Message;
        Assert.True(clock.ElapsedMilliseconds < 200, $"the reply took {clock.ElapsedMilliseconds} ms to stop");
        Assert.Equal(MessageStatus.Interrupted, reply.Status);
        Assert.Equal(string.Concat(received.OfType<MessageChunk>().Select(c => c.Delta)), reply.Content);
        Assert.StartsWith("word0 word1 word2 word3 word4", reply.Content, StringComparison.Ordinal);
        Assert.True(reply.Content.Length < LongReply.Length);
        Assert.Equal((TurnEndReason.Interrupted, human.Id), (received.OfType<TurnCompleted>().Single().Reason, received.OfType<TurnCompleted>().Single().HumanMessageId));
        await Assert.Single(harness.Llm.ChatRequests).ClientDisconnected.WaitOrFail("the model's stream to be aborted");
        Assert.Equal(reply, (await conversation.Messages(null, 10))[^1]);
    }

    [Fact]
    public async Task A_new_human_message_interrupts_the_reply_which_is_stored_before_it()
    {
        await using var harness = await ConversationHarness.StartAsync(tokensPerSecond: 50);
        harness.Llm.Enqueue(FakeReply.Text(LongReply));
        await harness.CreateAsync("c1", ["lumina"]);
        var conversation = harness.Conversation("c1");
        await conversation.Send(ConversationHarness.Alice, "長い話をして");
        await foreach (var @event in harness.Events("c1", afterSeq: 0))
        {
            if (@event is MessageChunk)
            {
                break;
            }
        }

        var afterSeq = (await conversation.Info())!.LastSeq;
        var second = await conversation.Send(ConversationHarness.Alice, "やっぱり短くして");
        var turn = await harness.CollectTurnAsync("c1", afterSeq, second);

        var log = await conversation.Messages(null, 10);
        Assert.Equal(
            [(SpeakerKind.Human, MessageStatus.Complete), (SpeakerKind.Character, MessageStatus.Interrupted), (SpeakerKind.Human, MessageStatus.Complete), (SpeakerKind.Character, MessageStatus.Complete)],
            log.Select(m => (m.SpeakerKind, m.Status)));
        Assert.Equal(second.Id, log[2].Id);
        Assert.False(string.IsNullOrEmpty(log[1].Content));
        Assert.Equal(TurnEndReason.Done, turn.Completed.Reason);

        // The interrupted turn is over before the new message exists: its last events come first...
        var secondPublished = turn.Events.OfType<MessageCompleted>().Single(e => e.Message.Id == second.Id).Seq;
        Assert.True(turn.Events.OfType<MessageCompleted>().Single(e => e.Message.Status == MessageStatus.Interrupted).Seq < secondPublished);
        Assert.True(turn.Events.OfType<TurnCompleted>().Single(e => e.Reason == TurnEndReason.Interrupted).Seq < secondPublished);
        // ...and the next prompt already carries the partial reply.
        Assert.Contains(harness.Llm.ChatRequests[1].Messages, m => m.Role == "assistant" && m.Content == log[1].Content);
    }

    [Fact]
    public async Task A_reply_keeps_generating_when_nobody_listens_and_a_late_subscriber_gets_all_of_it()
    {
        await using var harness = await ConversationHarness.StartAsync();
        await harness.CreateAsync("c1", ["lumina"]);
        var conversation = harness.Conversation("c1");

        var human = await conversation.Send(ConversationHarness.Alice, "誰も聞いていなくても答えて");
        var turn = await harness.CollectTurnAsync("c1", afterSeq: 0, human);

        Assert.Equal(MessageStatus.Complete, Assert.Single(turn.Replies).Status);
        Assert.Equal(turn.Replies[0].Content, turn.Streamed(turn.Replies[0].Id));
    }
}
