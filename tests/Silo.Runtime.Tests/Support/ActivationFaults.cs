using System.Collections.Concurrent;

namespace Silo.Runtime.Tests.Support;

/// <summary>Keys whose next activation should fail in OnActivateAsync.</summary>
public sealed class ActivationFaults
{
    private readonly ConcurrentDictionary<string, string> _faults = new();

    public void Fail(string key, string message) => _faults[key] = message;

    public void Clear(string key) => _faults.TryRemove(key, out _);

    public string? For(string key) => _faults.GetValueOrDefault(key);
}
