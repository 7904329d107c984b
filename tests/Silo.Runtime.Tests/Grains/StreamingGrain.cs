using System.Runtime.CompilerServices;
using Silo.Runtime.Tests.Support;

namespace Silo.Runtime.Tests.Grains;

public sealed class StreamingGrain(GrainEvents events) : Grain, IStreamingGrain
{
    public async IAsyncEnumerable<int> Count(int upTo)
    {
        for (var i = 0; i < upTo; i++)
        {
            await Task.Yield();
            yield return i;
        }
    }

    public async IAsyncEnumerable<int> Forever([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            for (var i = 0; ; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return i;
                await Task.Yield();
            }
        }
        finally
        {
            events.Record($"forever-ended:cancelled={cancellationToken.IsCancellationRequested}");
        }
    }

    public async IAsyncEnumerable<int> FailAfter(int items, string message)
    {
        for (var i = 0; i < items; i++)
        {
            await Task.Yield();
            yield return i;
        }

        throw new InvalidOperationException(message);
    }

    public Task<string> Ping() => Task.FromResult("pong");
}
