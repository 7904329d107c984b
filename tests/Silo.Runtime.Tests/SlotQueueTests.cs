using Silo.Catalog;

namespace Silo.Runtime.Tests;

public sealed class SlotQueueTests
{
    [Fact]
    public void Items_come_out_in_the_order_they_went_in_across_the_inline_slot_and_the_overflow()
    {
        var queue = new SlotQueue<int>();
        var output = new List<int>();

        queue.Enqueue(1);
        queue.Enqueue(2);
        queue.Enqueue(3);
        Assert.True(queue.TryDequeue(out var first));
        output.Add(first);
        queue.Enqueue(4);
        while (queue.TryDequeue(out var item))
        {
            output.Add(item);
        }

        queue.Enqueue(5);
        Assert.True(queue.TryPeek(out var peeked));
        Assert.Equal(1, queue.Count);
        Assert.True(queue.TryDequeue(out var last));

        Assert.Equal([1, 2, 3, 4], output);
        Assert.Equal(5, peeked);
        Assert.Equal(5, last);
        Assert.True(queue.IsEmpty);
        Assert.False(queue.TryDequeue(out _));
    }
}
