using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Silo.Diagnostics;
using Silo.Hosting;

namespace Silo.Streams;

/// <summary>
/// Streams within this process. Each subscriber has its own queue and delivery loop, so a slow subscriber never
/// slows the producer or the others; one that falls <see cref="SiloOptions.StreamSubscriberQueueLimit"/> items
/// behind is unsubscribed with <see cref="StreamSubscriberOverflowException"/>.
/// </summary>
public sealed class InProcessStreamProvider : IStreamProvider
{
    private readonly ConcurrentDictionary<(StreamId, Type), object> _streams = new();
    private readonly int _queueLimit;
    private readonly SiloLog _log;

    public InProcessStreamProvider(string name, int subscriberQueueLimit, ILoggerFactory loggerFactory)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(subscriberQueueLimit, 1);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        Name = name;
        _queueLimit = subscriberQueueLimit;
        _log = new SiloLog(loggerFactory.CreateLogger("Silo.Streams"));
    }

    public string Name { get; }

    public IAsyncStream<T> GetStream<T>(StreamId streamId) =>
        (IAsyncStream<T>)_streams.GetOrAdd((streamId, typeof(T)), static (key, provider) => new InProcessStream<T>(key.Item1, provider._queueLimit, provider._log), this);
}
