namespace Silo.Streams;

/// <summary>Addresses a stream: a namespace (what kind of events) and a key (whose events).</summary>
public readonly record struct StreamId
{
    public StreamId(string @namespace, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        ArgumentException.ThrowIfNullOrEmpty(key);
        Namespace = @namespace;
        Key = key;
    }

    public string Namespace { get; }

    public string Key { get; }

    /// <summary>Creates a stream id.</summary>
    public static StreamId Create(string @namespace, string key) => new(@namespace, key);

    /// <inheritdoc />
    public override string ToString() => $"{Namespace}/{Key}";
}
