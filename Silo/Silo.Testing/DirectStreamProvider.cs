using Silo.Streams;

namespace Silo.Testing;

/// <summary>
/// Streams whose <c>OnNextAsync</c> calls every subscriber before it returns, so a test knows exactly what a
/// subscriber has been handed (the silo's streams deliver from a queue per subscriber, later).
/// </summary>
public sealed class DirectStreamProvider : IStreamProvider
{
    private readonly Dictionary<StreamId, object> _streams = [];

    public string Name => "direct";

    public IAsyncStream<T> GetStream<T>(StreamId streamId)
    {
        if (!_streams.TryGetValue(streamId, out var stream))
        {
            _streams[streamId] = stream = new DirectStream<T>(streamId);
        }

        return (IAsyncStream<T>)stream;
    }
}
