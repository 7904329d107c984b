namespace Silo.Invocation;

/// <summary>Static description of one grain interface method; one instance per method, created by generated code.</summary>
public sealed class GrainMethod
{
    public GrainMethod(Type interfaceType, string name, GrainMethodKind kind, bool alwaysInterleave, bool acceptsCancellation)
    {
        ArgumentNullException.ThrowIfNull(interfaceType);
        ArgumentException.ThrowIfNullOrEmpty(name);
        InterfaceType = interfaceType;
        Name = name;
        Kind = kind;
        AlwaysInterleave = alwaysInterleave;
        AcceptsCancellation = acceptsCancellation;
        DisplayName = $"{interfaceType.Name}.{name}";
    }

    /// <summary>The interface that declares the method.</summary>
    public Type InterfaceType { get; }

    /// <summary>The method name.</summary>
    public string Name { get; }

    /// <summary>The return shape.</summary>
    public GrainMethodKind Kind { get; }

    /// <summary>True when the method carries <see cref="AlwaysInterleaveAttribute"/>.</summary>
    public bool AlwaysInterleave { get; }

    /// <summary>True when the method takes a CancellationToken; the runtime then passes one it also cancels on shutdown.</summary>
    public bool AcceptsCancellation { get; }

    /// <summary>"IInterface.Method", for logs, metrics and errors.</summary>
    public string DisplayName { get; }

    /// <inheritdoc />
    public override string ToString() => DisplayName;
}
