namespace Silo.Runtime.Tests.Storage;

/// <summary>The state the storage conformance suite writes: text, a number and collections, as grain states have.</summary>
public sealed class ConformanceState
{
    public string Text { get; set; } = string.Empty;

    public int Number { get; set; }

    public List<string> Items { get; set; } = [];

    public Dictionary<string, string> Tags { get; set; } = [];
}
