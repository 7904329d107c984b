using Microsoft.Extensions.DependencyInjection;
using Silo.Hosting;
using Silo.Runtime.Tests.Grains;
using Silo.Runtime.Tests.Support;
using Silo.Streams;
using Silo.Testing;

namespace Silo.Runtime.Tests;

/// <summary>In-process publish/subscribe streams.</summary>
public sealed class StreamTests
{
    [Fact]
    public async Task A_subscriber_receives_what_is_published_after_it_subscribed_in_order_until_it_unsubscribes()
    {
        await using var silo = await Silos.StartAsync();
        var stream = Numbers(silo, "s1");
        await stream.OnNextAsync(-1);
        var first = new Collector(expected: 100);
        var handle = await stream.SubscribeAsync(first);

        for (var i = 0; i < 100; i++)
        {
            await stream.OnNextAsync(i);
        }

        await first.Done.WaitOrFail("100 items");
        await handle.DisposeAsync();
        var sentinel = new Collector(expected: 10);
        await stream.SubscribeAsync(sentinel);
        for (var i = 100; i < 110; i++)
        {
            await stream.OnNextAsync(i);
        }

        await sentinel.Done.WaitOrFail("the sentinel subscriber's 10 items");
        Assert.Equal(Enumerable.Range(0, 100), first.Items);
        Assert.Equal(Enumerable.Range(100, 10), sentinel.Items);
    }

    [Fact]
    public async Task Completion_and_errors_reach_every_subscriber()
    {
        await using var silo = await Silos.StartAsync();
        var completed = new Collector(expected: 1);
        var failed = new Collector(expected: 1);
        await Numbers(silo, "done").SubscribeAsync(completed);
        await Numbers(silo, "broken").SubscribeAsync(failed);

        await Numbers(silo, "done").OnNextAsync(7);
        await Numbers(silo, "done").OnCompletedAsync();
        await Numbers(silo, "broken").OnErrorAsync(new InvalidOperationException("producer failed"));

        Assert.True(await completed.Ended.WaitOrFail("completion"));
        Assert.Equal([7], completed.Items);
        Assert.False(await failed.Ended.WaitOrFail("the error"));
        Assert.Equal("producer failed", failed.Error?.Message);
    }

    [Fact]
    public async Task A_grain_subscriber_receives_items_in_order_until_it_deactivates()
    {
        await using var silo = await Silos.StartAsync();
        var grain = silo.GetGrain<ISubscriberGrain>("listener");
        await grain.Subscribe("g1");
        var stream = Numbers(silo, "g1");

        for (var i = 0; i < 50; i++)
        {
            await stream.OnNextAsync(i);
        }

        await silo.Events().WaitFor("got:listener:49").WaitOrFail("the grain to receive 50 items");
        Assert.Equal(Enumerable.Range(0, 50), await grain.Received());
        await grain.DeactivateSoon();
        await silo.Events().WaitFor("deactivated:listener").WaitOrFail("the deactivation");
        await stream.OnNextAsync(50);

        // The subscription ended with the activation: a new activation has received nothing.
        Assert.Empty(await grain.Received());
        Assert.Equal(0, silo.Events().Count("got:listener:50"));
    }

    [Fact]
    public async Task A_subscriber_that_falls_too_far_behind_is_unsubscribed_with_an_overflow_error()
    {
        await using var silo = await Silos.StartAsync(options => options.StreamSubscriberQueueLimit = 10);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = new Collector(expected: int.MaxValue, beforeEachItem: release.Task);
        await Numbers(silo, "flood").SubscribeAsync(slow);

        for (var i = 0; i < 20; i++)
        {
            await Numbers(silo, "flood").OnNextAsync(i);
        }

        release.SetResult();
        Assert.False(await slow.Ended.WaitOrFail("the overflow error"));
        Assert.IsType<StreamSubscriberOverflowException>(slow.Error);
        Assert.True(slow.Items.Count <= 10, $"a subscriber cut off at 10 queued items received {slow.Items.Count}");
    }

    private static IAsyncStream<int> Numbers(TestSilo silo, string key) =>
        silo.Services.GetRequiredKeyedService<IStreamProvider>(SiloProviderNames.Default).GetStream<int>(StreamId.Create("numbers", key));

    private sealed class Collector(int expected, Task? beforeEachItem = null) : IAsyncObserver<int>
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<bool> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<int> Items { get; } = [];

        public Exception? Error { get; private set; }

        public Task Done => _done.Task;

        /// <summary>True when the stream completed, false when it failed.</summary>
        public Task<bool> Ended => _ended.Task;

        public async Task OnNextAsync(int item)
        {
            if (beforeEachItem is not null)
            {
                await beforeEachItem;
            }

            Items.Add(item);
            if (Items.Count == expected)
            {
                _done.TrySetResult();
            }
        }

        public Task OnCompletedAsync()
        {
            _ended.TrySetResult(true);
            return Task.CompletedTask;
        }

        public Task OnErrorAsync(Exception exception)
        {
            Error = exception;
            _ended.TrySetResult(false);
            return Task.CompletedTask;
        }
    }
}
