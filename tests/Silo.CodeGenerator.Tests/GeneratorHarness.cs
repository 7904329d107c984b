using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Silo.CodeGenerator.Tests;

/// <summary>Builds in-memory compilations and runs <see cref="GrainReferenceGenerator"/> over them.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly CSharpCompilationOptions s_compilationOptions =
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithNullableContextOptions(NullableContextOptions.Enable)
            // Every warning wave, so "no warnings" means none at all.
            .WithWarningLevel(9999)
            .WithOptimizationLevel(OptimizationLevel.Debug);

    /// <summary>The .NET runtime's reference set plus Silo.Abstractions (the assembly the generated code targets).</summary>
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
    {
        // The framework's own assemblies only: the test host's TPA list also carries this project's dependencies.
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
        return [.. framework, MetadataReference.CreateFromFile(typeof(IGrainWithStringKey).Assembly.Location)];
    });

    public static SyntaxTree Parse(string source, string path) =>
        CSharpSyntaxTree.ParseText(SourceText.From(source, System.Text.Encoding.UTF8), ParseOptions, path);

    /// <summary>A compilation of the given files, named /src/File0.cs, /src/File1.cs ...</summary>
    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "GrainInterfaces",
            sources.Select((source, i) => Parse(source, $"/src/File{i}.cs")),
            s_references.Value,
            s_compilationOptions);

    public static GeneratorDriver CreateDriver(bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            [new GrainReferenceGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator once; returns what it produced and the compilation with its output added.</summary>
    public static GeneratorOutput Run(Compilation compilation)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var updated, out var driverDiagnostics);
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        Assert.Empty(driverDiagnostics.Where(d => !d.Id.StartsWith("SILO", StringComparison.Ordinal)));
        return new GeneratorOutput(result.Diagnostics, result.GeneratedSources, updated);
    }

    /// <summary>Compiler diagnostics of every severity but hidden.</summary>
    public static ImmutableArray<Diagnostic> VisibleDiagnostics(Compilation compilation) =>
        [.. compilation.GetDiagnostics().Where(d => d.Severity != DiagnosticSeverity.Hidden)];

    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString()));
}

internal sealed record GeneratorOutput(
    ImmutableArray<Diagnostic> Diagnostics,
    ImmutableArray<GeneratedSourceResult> Sources,
    Compilation Compilation)
{
    public IEnumerable<string> HintNames => Sources.Select(s => s.HintName);

    public string SourceOf(string hintName) => Sources.Single(s => s.HintName == hintName).SourceText.ToString();
}
