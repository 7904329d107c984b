namespace Silo.Streams;

/// <summary>A named stream provider.</summary>
public interface IStreamProvider
{
    string Name { get; }

    IAsyncStream<T> GetStream<T>(StreamId streamId);
}
