namespace Benchmarks.Hub;

/// <summary>This process's managed heap and working set at one moment, in bytes.</summary>
internal readonly record struct Usage(long ManagedHeap, long WorkingSet)
{
    public static Usage operator -(Usage after, Usage before) => new(after.ManagedHeap - before.ManagedHeap, after.WorkingSet - before.WorkingSet);
}
