using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Conversations.Events;
using LlmMultiChat.Grains.Tests.Conversations.Support;
using Silo.Testing;

namespace LlmMultiChat.Grains.Tests.Conversations;

public sealed class SlowFollowerTests
{
    [Fact]
    public async Task A_reader_that_stops_reading_gets_the_queued_events_then_an_error_instead_of_an_ever_growing_queue()
    {
        await using var harness = await ConversationHarness.StartAsync();
        await harness.CreateAsync("c1", ["lumina"]);
        var streams = new DirectStreamProvider();
        var stream = streams.GetStream<ConversationEvent>(ConversationStreams.For("c1"));
        var lastSeq = (await harness.Conversation("c1").Info())!.LastSeq;
        await using var reader = ConversationEventReader.ReadAsync(harness.Silo.GrainFactory, streams, "c1", lastSeq, harness.Time).GetAsyncEnumerator();
        var first = reader.MoveNextAsync().AsTask(); // subscribes, replays nothing, then waits for live events
        await stream.OnNextAsync(Chunk(lastSeq + 1));
        Assert.True(await first.WaitOrFail("the first live event"));

        // The reader stops reading while the queue's worth of events arrives, and one more.
        for (var seq = lastSeq + 2; seq <= lastSeq + 2 + ConversationEventReader.LiveQueueLimit; seq++)
        {
            await stream.OnNextAsync(Chunk(seq));
        }

        var read = new List<long>();
        await Assert.ThrowsAsync<ConversationFollowerBehindException>(async () =>
        {
            while (await reader.MoveNextAsync().AsTask().WaitOrFail("the next queued event or the reader's error"))
            {
                read.Add(reader.Current.Seq);
            }
        });
        Assert.Equal(ConversationEventReader.LiveQueueLimit, read.Count);
        Assert.Equal(lastSeq + 2, read[0]);
    }

    private static MessageChunk Chunk(long seq) => new("c1", seq, DateTimeOffset.UnixEpoch, "m1", "tok ");
}
