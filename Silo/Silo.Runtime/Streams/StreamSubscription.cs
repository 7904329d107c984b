using System.Threading.Channels;
using Silo.Catalog;
using Silo.Diagnostics;

namespace Silo.Streams;

/// <summary>A subscriber's queue and its delivery loop.</summary>
internal sealed class StreamSubscription<T> : StreamSubscriptionHandle<T>, IActivationBound
{
    private readonly InProcessStream<T> _stream;
    private readonly IAsyncObserver<T> _observer;
    private readonly ActivationData? _activation;
    private readonly int _queueLimit;
    private readonly SiloLog _log;
    private readonly Channel<Envelope> _queue = Channel.CreateUnbounded<Envelope>(new UnboundedChannelOptions { SingleReader = true });
    private int _queued;
    private volatile bool _ended;
    private volatile bool _overflowed;

    public StreamSubscription(InProcessStream<T> stream, IAsyncObserver<T> observer, ActivationData? activation, int queueLimit, SiloLog log)
    {
        _stream = stream;
        _observer = observer;
        _activation = activation;
        _queueLimit = queueLimit;
        _log = log;
    }

    public override StreamId StreamId => _stream.StreamId;

    public override Guid HandleId { get; } = Guid.NewGuid();

    public void StartDelivery()
    {
        if (_activation is null)
        {
            _ = Task.Run(DeliverAsync);
        }
        else
        {
            _activation.Post(static state => _ = ((StreamSubscription<T>)state!).DeliverAsync(), this);
        }
    }

    public void EnqueueItem(T item)
    {
        if (_ended)
        {
            return;
        }

        if (Interlocked.Increment(ref _queued) > _queueLimit)
        {
            _overflowed = true;
            _stream.Remove(this);
            _queue.Writer.TryComplete();
            return;
        }

        _queue.Writer.TryWrite(new Envelope(item, false, null));
    }

    public void EnqueueEnd(Exception? error)
    {
        if (!_ended)
        {
            _queue.Writer.TryWrite(new Envelope(default!, true, error));
        }
    }

    public override Task UnsubscribeAsync()
    {
        End();
        _activation?.Unbind(this);
        return Task.CompletedTask;
    }

    public void OnActivationEnded() => End();

    private void End()
    {
        _ended = true;
        _stream.Remove(this);
        _queue.Writer.TryComplete();
    }

    private async Task DeliverAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            while (!_ended && !_overflowed && reader.TryRead(out var envelope))
            {
                Interlocked.Decrement(ref _queued);
                try
                {
                    if (!envelope.IsEnd)
                    {
                        await _observer.OnNextAsync(envelope.Item);
                        continue;
                    }

                    End();
                    await (envelope.Error is null ? _observer.OnCompletedAsync() : _observer.OnErrorAsync(envelope.Error));
                }
                catch (Exception ex)
                {
                    // One subscriber's failure must not stop its own later items or anyone else's.
                    _log.StreamObserverFailed(ex, StreamId);
                }
            }

            if (_ended || _overflowed)
            {
                break;
            }
        }

        if (_overflowed && !_ended)
        {
            _ended = true;
            _log.StreamSubscriberOverflow(StreamId, _queueLimit);
            try
            {
                await _observer.OnErrorAsync(new StreamSubscriberOverflowException(StreamId, _queueLimit));
            }
            catch (Exception ex)
            {
                _log.StreamObserverFailed(ex, StreamId);
            }
        }
    }

    private readonly record struct Envelope(T Item, bool IsEnd, Exception? Error);
}
