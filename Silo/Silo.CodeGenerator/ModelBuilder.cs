using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Silo.CodeGenerator;

/// <summary>Reads a grain interface symbol into a <see cref="GrainInterfaceModel"/>, collecting what is unsupported.</summary>
internal static class ModelBuilder
{
    private const string GrainMarker = "Silo.IGrainWithStringKey";

    private static readonly SymbolDisplayFormat s_typeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>A namespace as written in a namespace declaration: no global::, keywords escaped (Other.@class).</summary>
    private static readonly SymbolDisplayFormat s_namespaceFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted);

    public static GrainInterfaceModel? TryBuild(INamedTypeSymbol symbol, CancellationToken cancellationToken)
    {
        if (symbol.TypeKind != TypeKind.Interface || !symbol.AllInterfaces.Any(IsGrainMarker))
        {
            return null;
        }

        var diagnostics = ImmutableArray.CreateBuilder<DiagnosticModel>();
        var location = symbol.Locations.FirstOrDefault();
        if (symbol.IsGenericType)
        {
            diagnostics.Add(DiagnosticModel.Create(Diagnostics.GenericNotSupported.Id, symbol.ToDisplayString(), location));
        }

        if (!IsAccessibleFromNamespace(symbol))
        {
            diagnostics.Add(DiagnosticModel.Create(Diagnostics.InaccessibleInterface.Id, symbol.ToDisplayString(), location));
        }

        var methods = ImmutableArray.CreateBuilder<GrainMethodModel>();
        foreach (var declaringInterface in new[] { symbol }.Concat(symbol.AllInterfaces))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (IsGrainMarker(declaringInterface) || declaringInterface.ToDisplayString() == "Silo.IGrain")
            {
                continue;
            }

            foreach (var member in declaringInterface.GetMembers())
            {
                switch (member)
                {
                    case INamedTypeSymbol:
                        // A nested type is not part of the interface's contract (a nested grain interface gets its own reference).
                        break;
                    case IMethodSymbol { MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove or MethodKind.EventRaise }:
                        // Property and event accessors are reported through their property or event.
                        break;
                    case { IsStatic: true, IsAbstract: true }:
                        // A static abstract member cannot be implemented by a reference, and forbids the interface as a type argument.
                        diagnostics.Add(DiagnosticModel.Create(Diagnostics.UnsupportedMember.Id, member.ToDisplayString(), LocationOf(member, symbol)));
                        break;
                    case { IsStatic: true } or { IsAbstract: false }:
                        // Static members and default implementations need nothing from the reference.
                        break;
                    case IMethodSymbol { MethodKind: MethodKind.Ordinary } method:
                        var model = BuildMethod(method, declaringInterface, symbol, diagnostics);
                        if (model is not null)
                        {
                            methods.Add(model);
                        }

                        break;
                    case IMethodSymbol:
                        // A re-abstracted base member (abstract void IBase.M();) is implemented through the base's method.
                        break;
                    default:
                        diagnostics.Add(DiagnosticModel.Create(Diagnostics.UnsupportedMember.Id, member.ToDisplayString(), LocationOf(member, symbol)));
                        break;
                }
            }
        }

        var globalNamespace = symbol.ContainingNamespace.IsGlobalNamespace;
        var referenceClassName = ReferenceClassName(symbol);
        return new GrainInterfaceModel(
            globalNamespace ? null : symbol.ContainingNamespace.ToDisplayString(s_namespaceFormat),
            symbol.ToDisplayString(s_typeFormat),
            referenceClassName,
            // Qualified by namespace: interfaces of the same name in different namespaces must not share a file name.
            (globalNamespace ? string.Empty : HintNamespace(symbol.ContainingNamespace) + ".") + referenceClassName + ".g.cs",
            new EquatableArray<GrainMethodModel>(methods.ToImmutable()),
            new EquatableArray<DiagnosticModel>(diagnostics.ToImmutable()));
    }

    private static GrainMethodModel? BuildMethod(
        IMethodSymbol method, INamedTypeSymbol declaringInterface, INamedTypeSymbol grainInterface, ImmutableArray<DiagnosticModel>.Builder diagnostics)
    {
        var location = LocationOf(method, grainInterface);
        if (method.IsGenericMethod)
        {
            diagnostics.Add(DiagnosticModel.Create(Diagnostics.GenericNotSupported.Id, method.ToDisplayString(), location));
            return null;
        }

        var (kind, resultType) = Classify(method.ReturnType);
        if (kind is null)
        {
            diagnostics.Add(DiagnosticModel.Create(Diagnostics.UnsupportedReturnType.Id, method.ToDisplayString(), location));
            return null;
        }

        var parameters = ImmutableArray.CreateBuilder<ParameterModel>();
        var tokens = 0;
        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind != RefKind.None)
            {
                diagnostics.Add(DiagnosticModel.Create(Diagnostics.ByRefParameter.Id, parameter.Name, LocationOf(parameter, grainInterface)));
                return null;
            }

            if (parameter.Type.IsRefLikeType || parameter.Type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer)
            {
                // The request struct keeps its arguments in fields, and boxes them for filters.
                diagnostics.Add(DiagnosticModel.Create(Diagnostics.UnstorableParameter.Id, parameter.Name, LocationOf(parameter, grainInterface)));
                return null;
            }

            var isToken = parameter.Type.ToDisplayString() == "System.Threading.CancellationToken";
            tokens += isToken ? 1 : 0;
            parameters.Add(new ParameterModel(parameter.Type.ToDisplayString(s_typeFormat), isToken));
        }

        if (tokens > 1)
        {
            diagnostics.Add(DiagnosticModel.Create(Diagnostics.SeveralCancellationTokens.Id, method.ToDisplayString(), location));
            return null;
        }

        var alwaysInterleave = method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "Silo.AlwaysInterleaveAttribute");
        return new GrainMethodModel(
            method.Name,
            declaringInterface.ToDisplayString(s_typeFormat),
            kind.Value,
            method.ReturnType.ToDisplayString(s_typeFormat),
            resultType,
            alwaysInterleave,
            new EquatableArray<ParameterModel>(parameters.ToImmutable()));
    }

    private static (MethodReturnKind? Kind, string? ResultType) Classify(ITypeSymbol returnType)
    {
        if (returnType is not INamedTypeSymbol named)
        {
            return (null, null);
        }

        var definition = named.OriginalDefinition.ToDisplayString();
        var argument = named.TypeArguments.Length == 1 ? named.TypeArguments[0].ToDisplayString(s_typeFormat) : null;
        return definition switch
        {
            "System.Threading.Tasks.Task" => (MethodReturnKind.Task, null),
            "System.Threading.Tasks.ValueTask" => (MethodReturnKind.ValueTask, null),
            "System.Threading.Tasks.Task<TResult>" => (MethodReturnKind.TaskOfT, argument),
            "System.Threading.Tasks.ValueTask<TResult>" => (MethodReturnKind.ValueTaskOfT, argument),
            "System.Collections.Generic.IAsyncEnumerable<T>" => (MethodReturnKind.AsyncEnumerable, argument),
            _ => (null, null),
        };
    }

    private static bool IsGrainMarker(INamedTypeSymbol symbol) => symbol.ToDisplayString() == GrainMarker;

    /// <summary>
    /// Where to report a problem with <paramref name="symbol"/>: its own declaration, or, when it comes from another
    /// assembly (a base interface in metadata), the grain interface that inherits it.
    /// </summary>
    private static Location? LocationOf(ISymbol symbol, INamedTypeSymbol grainInterface) =>
        symbol.Locations.FirstOrDefault(l => l.IsInSource) ?? grainInterface.Locations.FirstOrDefault();

    private static bool IsAccessibleFromNamespace(INamedTypeSymbol symbol)
    {
        for (ISymbol? current = symbol; current is INamedTypeSymbol type; current = type.ContainingType)
        {
            // A file-local type cannot be named from the generated file.
            if (type.IsFileLocal || type.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The namespace's plain dotted name (Other.class): hint names may not contain '@'.</summary>
    private static string HintNamespace(INamespaceSymbol ns) =>
        ns.ContainingNamespace is { IsGlobalNamespace: false } parent ? HintNamespace(parent) + "." + ns.Name : ns.Name;

    /// <summary>Outer_IInner_Reference: unique per interface even when nested interfaces share a name.</summary>
    private static string ReferenceClassName(INamedTypeSymbol symbol)
    {
        var parts = new List<string>();
        for (ISymbol? current = symbol; current is INamedTypeSymbol type; current = type.ContainingType)
        {
            parts.Insert(0, type.Name);
        }

        return string.Join("_", parts) + "_Reference";
    }
}
