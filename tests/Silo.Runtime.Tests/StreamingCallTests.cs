using Silo.Runtime.Tests.Grains;
using Silo.Runtime.Tests.Support;
using Silo.Testing;

namespace Silo.Runtime.Tests;

/// <summary>Grain methods returning IAsyncEnumerable&lt;T&gt;.</summary>
public sealed class StreamingCallTests
{
    [Fact]
    public async Task Items_arrive_in_order_and_the_stream_ends()
    {
        await using var silo = await Silos.StartAsync();
        var received = new List<int>();

        await foreach (var item in silo.GetGrain<IStreamingGrain>("s").Count(500))
        {
            received.Add(item);
        }

        Assert.Equal(Enumerable.Range(0, 500), received);
    }

    [Fact]
    public async Task Cancelling_stops_the_stream_and_the_grain_sees_the_cancellation()
    {
        await using var silo = await Silos.StartAsync();
        using var cancellation = new CancellationTokenSource();
        var received = new List<int>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in silo.GetGrain<IStreamingGrain>("s").Forever(cancellation.Token))
            {
                received.Add(item);
                if (item == 9)
                {
                    await cancellation.CancelAsync();
                }
            }
        });

        Assert.Equal(Enumerable.Range(0, 10), received);
        await silo.Events().WaitFor("forever-ended:cancelled=True").WaitOrFail("the grain's iterator to observe the cancellation");
    }

    [Fact]
    public async Task Leaving_the_loop_early_cancels_the_grain_and_frees_the_activation()
    {
        await using var silo = await Silos.StartAsync();
        var grain = silo.GetGrain<IStreamingGrain>("s");

        await foreach (var item in grain.Forever(CancellationToken.None))
        {
            if (item == 3)
            {
                break;
            }
        }

        await silo.Events().WaitFor("forever-ended:cancelled=True").WaitOrFail("the grain's iterator to end after the consumer left");
        Assert.Equal("pong", await grain.Ping().WaitOrFail("a call after the stream ended"));
    }

    [Fact]
    public async Task A_streaming_call_holds_the_turn_of_a_non_reentrant_grain_until_it_ends()
    {
        await using var silo = await Silos.StartAsync();
        var grain = silo.GetGrain<IStreamingGrain>("s");
        // Longer than the call's buffer, so the grain is still producing when the next call arrives.
        await using var enumerator = grain.Count(1000).GetAsyncEnumerator();
        Assert.True(await enumerator.MoveNextAsync());

        var ping = grain.Ping();
        // The grain must produce hundreds more items (many turns of its iterator) after the call arrived;
        // had the call been admitted, it would have run among them.
        for (var i = 0; i < 300; i++)
        {
            Assert.True(await enumerator.MoveNextAsync());
        }

        Assert.False(ping.IsCompleted, "a call must wait while a stream of the same non-reentrant grain is open");
        while (await enumerator.MoveNextAsync())
        {
        }

        Assert.Equal("pong", await ping.WaitOrFail("the call queued behind the stream"));
    }

    [Fact]
    public async Task An_exception_in_the_grain_iterator_reaches_the_consumer_after_the_items_before_it()
    {
        await using var silo = await Silos.StartAsync();
        var received = new List<int>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var item in silo.GetGrain<IStreamingGrain>("s").FailAfter(5, "stream broke"))
            {
                received.Add(item);
            }
        });

        Assert.Equal("stream broke", error.Message);
        Assert.Equal(Enumerable.Range(0, 5), received);
    }
}
