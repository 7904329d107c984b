using System.Runtime.CompilerServices;
using System.Threading.Channels;
using LlmMultiChat.Grains.Conversations.Events;
using Silo.Streams;

namespace LlmMultiChat.Grains.Conversations;

/// <summary>
/// Follows a conversation's events from a sequence number on: the buffered ones first, then live ones, each
/// exactly once and in order. It subscribes before asking for the replay and drops what it has already yielded,
/// so nothing published in between is lost or doubled. When the replay cannot reach back far enough it yields a
/// <see cref="ResyncRequired"/> first. Live events wait in a queue of <see cref="LiveQueueLimit"/>; a reader that
/// lets it fill gets <see cref="ConversationFollowerBehindException"/> after the queued events, so a stalled client
/// costs bounded memory and resumes by sequence number.
/// </summary>
public static class ConversationEventReader
{
    /// <summary>Live events a reader may fall behind: far more than a reply's burst, a few hundred KB at most.</summary>
    public const int LiveQueueLimit = 1024;

    public static async IAsyncEnumerable<ConversationEvent> ReadAsync(
        IGrainFactory grains,
        IStreamProvider streams,
        string conversationId,
        long afterSeq,
        TimeProvider time,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(streams);
        var live = Channel.CreateBounded<ConversationEvent>(new BoundedChannelOptions(LiveQueueLimit) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        var stream = streams.GetStream<ConversationEvent>(ConversationStreams.For(conversationId));
        await using var subscription = await stream.SubscribeAsync(
            @event =>
            {
                // Never waits: waiting here would hold the stream's delivery to this subscriber on a reader that may
                // never come back.
                if (!live.Writer.TryWrite(@event))
                {
                    live.Writer.TryComplete(ConversationFollowerBehindException.For(conversationId, LiveQueueLimit));
                }

                return Task.CompletedTask;
            },
            error =>
            {
                live.Writer.TryComplete(error);
                return Task.CompletedTask;
            },
            () =>
            {
                live.Writer.TryComplete();
                return Task.CompletedTask;
            }).ConfigureAwait(false);

        var replay = await grains.GetGrain<IChatSessionGrain>(conversationId).EventsAfter(afterSeq).ConfigureAwait(false);
        var last = afterSeq;
        if (!replay.IsComplete)
        {
            yield return new ResyncRequired(conversationId, replay.LastSeq, time.GetUtcNow(), afterSeq);
        }

        foreach (var @event in replay.Events)
        {
            last = @event.Seq;
            yield return @event;
        }

        await foreach (var @event in live.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (@event.Seq > last)
            {
                last = @event.Seq;
                yield return @event;
            }
        }
    }
}
