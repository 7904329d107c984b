using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Silo.CodeGenerator;

/// <summary>
/// Emits, for every interface deriving from Silo.IGrainWithStringKey, a sealed GrainReference that implements it
/// and one readonly request struct per method (arguments as fields, a direct typed call to the grain). No
/// reflection or boxing is left on the call path.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class GrainReferenceGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var models = context.SyntaxProvider
            .CreateSyntaxProvider(
                predicate: static (node, _) => node is InterfaceDeclarationSyntax { BaseList: not null },
                transform: static (syntaxContext, cancellationToken) =>
                {
                    var symbol = syntaxContext.SemanticModel.GetDeclaredSymbol(syntaxContext.Node, cancellationToken) as INamedTypeSymbol;
                    return symbol is null ? null : ModelBuilder.TryBuild(symbol, cancellationToken);
                })
            .WithTrackingName(TrackingNames.Model)
            .Where(static model => model is not null)
            .Collect()
            .WithTrackingName(TrackingNames.Models);

        context.RegisterSourceOutput(models, static (output, interfaces) =>
        {
            // A partial interface is declared more than once; generate it once.
            var seen = new HashSet<string>(StringComparer.Ordinal);

            // A bad member of a base interface is in the model of every interface deriving from it; report it once.
            var reported = new HashSet<DiagnosticModel>();
            foreach (var model in interfaces)
            {
                if (model is null || !seen.Add(model.FullyQualifiedName))
                {
                    continue;
                }

                foreach (var diagnostic in model.Diagnostics)
                {
                    if (reported.Add(diagnostic))
                    {
                        output.ReportDiagnostic(Diagnostic.Create(Diagnostics.ById(diagnostic.Id), diagnostic.ToLocation(), diagnostic.MessageArgument));
                    }
                }

                if (model.Diagnostics.Count == 0)
                {
                    output.AddSource(model.HintName, ReferenceEmitter.Emit(model));
                }
            }
        });
    }
}

/// <summary>Names of the pipeline steps, for tests that check what the driver cached.</summary>
public static class TrackingNames
{
    /// <summary>One <c>GrainInterfaceModel</c> (or null) per interface declaration with a base list.</summary>
    public const string Model = "GrainInterfaceModel";

    /// <summary>All the models, collected for the output step.</summary>
    public const string Models = "GrainInterfaceModels";
}
