using Microsoft.CodeAnalysis;

namespace Silo.CodeGenerator;

internal static class Diagnostics
{
    private const string Category = "Silo.CodeGenerator";

    public static readonly DiagnosticDescriptor UnsupportedReturnType = new(
        "SILO001",
        "Unsupported grain method return type",
        "Grain method '{0}' must return Task, Task<T>, ValueTask, ValueTask<T> or IAsyncEnumerable<T>",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedMember = new(
        "SILO002",
        "Grain interfaces declare only instance methods",
        "'{0}' is a property, event, indexer or static abstract member; grain interfaces may only declare instance methods",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor GenericNotSupported = new(
        "SILO003",
        "Generic grain interfaces and methods are not supported",
        "'{0}' is generic; grain interfaces and their methods must not be generic",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ByRefParameter = new(
        "SILO004",
        "ref, out and in parameters are not supported",
        "Parameter '{0}' is passed by reference; grain method arguments are passed by value",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SeveralCancellationTokens = new(
        "SILO005",
        "At most one CancellationToken parameter",
        "Grain method '{0}' takes more than one CancellationToken",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InaccessibleInterface = new(
        "SILO006",
        "Grain interface is not accessible",
        "Grain interface '{0}' must be public or internal (not file-local, and not nested in a private, protected or file-local type) so its reference can be generated",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnstorableParameter = new(
        "SILO007",
        "ref struct and pointer parameters are not supported",
        "Parameter '{0}' has a ref struct or pointer type (Span<T>, ReadOnlySpan<T>, ...), which a grain request cannot hold; take an array or a collection",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static DiagnosticDescriptor ById(string id) => id switch
    {
        "SILO001" => UnsupportedReturnType,
        "SILO002" => UnsupportedMember,
        "SILO003" => GenericNotSupported,
        "SILO004" => ByRefParameter,
        "SILO005" => SeveralCancellationTokens,
        "SILO006" => InaccessibleInterface,
        "SILO007" => UnstorableParameter,
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "Unknown diagnostic id."),
    };
}
