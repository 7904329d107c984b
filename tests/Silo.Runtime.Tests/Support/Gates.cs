using System.Collections.Concurrent;

namespace Silo.Runtime.Tests.Support;

/// <summary>Named gates a grain can wait at and a test opens.</summary>
public sealed class Gates
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();

    public Task Wait(string name) => Gate(name).Task;

    public void Open(string name) => Gate(name).TrySetResult();

    private TaskCompletionSource Gate(string name) =>
        _gates.GetOrAdd(name, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
