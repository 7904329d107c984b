using System.Threading.Channels;
using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Conversations.Events;
using Silo.Streams;

namespace LlmMultiChat.ApiHost.Conversations;

/// <summary>
/// Follows a conversation's events (<see cref="ConversationEventReader"/>: the buffered ones after a sequence
/// number, then live ones) from the moment it is created, into a queue the request reads at its own pace. So a
/// route can start following before it sends a message (nothing of the turn is missed), and can wait for the
/// next event with a time limit (for keep-alives) without ending the reader.
/// </summary>
public sealed class ConversationEventFeed : IAsyncDisposable
{
    /// <summary>
    /// Events read ahead of the request. A client that reads slower than the conversation produces fills it; the
    /// feed then ends, after the queued events, with <see cref="ConversationFollowerBehindException"/>, and the
    /// client resumes by sequence number: a stalled client costs bounded memory.
    /// </summary>
    public const int ReadAhead = 1024;

    private readonly Channel<ConversationEvent> _events = Channel.CreateBounded<ConversationEvent>(
        new BoundedChannelOptions(ReadAhead) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly CancellationTokenSource _stop;
    private readonly TimeProvider _time;
    private readonly Task _pump;

    private ConversationEventFeed(IGrainFactory grains, IStreamProvider streams, string conversationId, long afterSeq, TimeProvider time, CancellationToken cancellationToken)
    {
        _time = time;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _pump = PumpAsync(ConversationEventReader.ReadAsync(grains, streams, conversationId, afterSeq, time, _stop.Token));
    }

    /// <summary>True once the reader has ended and every event it gave has been read.</summary>
    public bool HasEnded => _events.Reader.Completion.IsCompleted;

    /// <summary>Starts following <paramref name="conversationId"/>'s events after <paramref name="afterSeq"/> with the host's grains, streams and clock.</summary>
    public static ConversationEventFeed Follow(IServiceProvider services, string conversationId, long afterSeq, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new ConversationEventFeed(
            services.GetRequiredService<IGrainFactory>(),
            services.GetRequiredKeyedService<IStreamProvider>(ConversationStreams.Provider),
            conversationId,
            afterSeq,
            services.GetRequiredService<TimeProvider>(),
            cancellationToken);
    }

    /// <summary>The next event; null when <paramref name="quietLimit"/> passed without one, or when the feed has ended (see <see cref="HasEnded"/>).</summary>
    /// <param name="quietLimit">How long to wait on the host's clock; null waits until an event comes or the feed ends.</param>
    /// <exception cref="Exception">Whatever ended the reader (e.g. the stream refused a subscriber that fell too far behind).</exception>
    public async Task<ConversationEvent?> NextAsync(TimeSpan? quietLimit, CancellationToken cancellationToken)
    {
        var reader = _events.Reader;
        if (reader.TryRead(out var ready))
        {
            return ready;
        }

        using var quiet = quietLimit is { } limit ? new CancellationTokenSource(limit, _time) : new CancellationTokenSource();
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(quiet.Token, cancellationToken);
        try
        {
            while (await reader.WaitToReadAsync(wait.Token).ConfigureAwait(false))
            {
                if (reader.TryRead(out var next))
                {
                    return next;
                }
            }

            return null;
        }
        catch (OperationCanceledException) when (quiet.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>Stops following; the conversation itself is not affected.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _pump.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task PumpAsync(IAsyncEnumerable<ConversationEvent> events)
    {
        Exception? failure = null;
        try
        {
            await foreach (var @event in events.ConfigureAwait(false))
            {
                if (!_events.Writer.TryWrite(@event))
                {
                    throw ConversationFollowerBehindException.For(@event.ConversationId, ReadAhead);
                }
            }
        }
        catch (Exception ex)
        {
            // Not swallowed: the channel hands it to the request reading the feed.
            failure = ex;
        }
        finally
        {
            _events.Writer.TryComplete(failure);
        }
    }
}
