using System.Runtime.CompilerServices;
using System.Threading.Channels;
using LlmMultiChat.Grains.Conversations.Events;
using Silo.Streams;

namespace LlmMultiChat.Grains.Conversations;

/// <summary>
/// Follows a conversation's events from a sequence number on: the buffered ones first, then live ones, each
/// exactly once and in order. It subscribes before asking for the replay and drops what it has already yielded,
/// so nothing published in between is lost or doubled. When the replay cannot reach back far enough it yields a
/// <see cref="ResyncRequired"/> first.
/// </summary>
public static class ConversationEventReader
{
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
        var live = Channel.CreateUnbounded<ConversationEvent>(new UnboundedChannelOptions { SingleReader = true });
        var stream = streams.GetStream<ConversationEvent>(ConversationStreams.For(conversationId));
        await using var subscription = await stream.SubscribeAsync(
            @event => live.Writer.WriteAsync(@event).AsTask(),
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
