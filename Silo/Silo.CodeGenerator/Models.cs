using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Silo.CodeGenerator;

/// <summary>What the generator needs of one grain interface; plain values so it caches.</summary>
internal sealed record GrainInterfaceModel(
    string? Namespace,
    string FullyQualifiedName,
    string ReferenceClassName,
    string HintName,
    EquatableArray<GrainMethodModel> Methods,
    EquatableArray<DiagnosticModel> Diagnostics);

internal sealed record GrainMethodModel(
    string Name,
    string DeclaringInterface,
    MethodReturnKind Kind,
    string ReturnType,
    string? ResultType,
    bool AlwaysInterleave,
    EquatableArray<ParameterModel> Parameters);

internal sealed record ParameterModel(string Type, bool IsCancellationToken);

internal enum MethodReturnKind
{
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
    AsyncEnumerable,
}

/// <summary>A diagnostic with its location as values (Location itself does not compare by value).</summary>
internal sealed record DiagnosticModel(string Id, string MessageArgument, string? FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static DiagnosticModel Create(string id, string messageArgument, Location? location)
    {
        var lineSpan = location?.GetLineSpan() ?? default;
        return new DiagnosticModel(id, messageArgument, location?.SourceTree?.FilePath, location?.SourceSpan ?? default, lineSpan.Span);
    }

    public Location ToLocation() =>
        FilePath is null ? Location.None : Location.Create(FilePath, Span, LineSpan);
}
