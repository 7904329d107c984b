namespace Silo.Streams;

/// <summary>
/// A subscriber fell so far behind that its queue reached the limit; its subscription was ended (with this
/// exception to <c>OnErrorAsync</c>) rather than letting memory grow without bound. Resubscribe and catch up from
/// the producer's own log.
/// </summary>
public sealed class StreamSubscriberOverflowException : Exception
{
    public StreamSubscriberOverflowException(StreamId streamId, int limit)
        : base($"The subscriber of stream {streamId} fell {limit} items behind and was unsubscribed.")
    {
        StreamId = streamId;
    }

    public StreamSubscriberOverflowException()
    {
    }

    public StreamSubscriberOverflowException(string message)
        : base(message)
    {
    }

    public StreamSubscriberOverflowException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StreamId StreamId { get; }
}
