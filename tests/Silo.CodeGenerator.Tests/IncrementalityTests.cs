using Microsoft.CodeAnalysis;

namespace Silo.CodeGenerator.Tests;

/// <summary>An edit that does not touch a grain interface must not make the generator emit again.</summary>
public sealed class IncrementalityTests
{
    private const string Interfaces = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Silo;

        namespace Cache;

        public interface IFirst : IGrainWithStringKey
        {
            Task<string?> Get(string? key, CancellationToken cancellationToken);

            [AlwaysInterleave]
            IAsyncEnumerable<List<int>> Stream(Dictionary<string, int[]> filter);
        }

        public interface ISecond : IFirst
        {
            ValueTask Set(string key, params int[] values);
        }

        public interface IBroken : IGrainWithStringKey
        {
            int Count();
        }
        """;

    private const string Unrelated = """
        namespace Cache;

        public sealed class Helper
        {
            public int Value { get; set; }
        }
        """;

    [Fact]
    public void An_unrelated_edit_leaves_the_models_unchanged_and_the_output_cached()
    {
        var compilation = GeneratorHarness.Compile(Interfaces, Unrelated);
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();
        Assert.Equal(2, first.GeneratedSources.Length);
        Assert.Single(first.Diagnostics);

        // A new non-grain class, and an edit inside the unrelated file.
        var edited = compilation
            .AddSyntaxTrees(GeneratorHarness.Parse("namespace Cache; public sealed class Added { }", "/src/Added.cs"))
            .ReplaceSyntaxTree(
                compilation.SyntaxTrees.Single(t => t.FilePath == "/src/File1.cs"),
                GeneratorHarness.Parse(Unrelated.Replace("Value", "Renamed", StringComparison.Ordinal), "/src/File1.cs"));
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var models = second.TrackedSteps[TrackingNames.Model].SelectMany(step => step.Outputs).ToList();
        Assert.Equal(3, models.Count(output => output.Value is not null));
        Assert.All(models, output => Assert.Contains(output.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));

        var outputs = second.TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(step => step.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));

        Assert.Equal(first.GeneratedSources.Select(s => s.SourceText.ToString()), second.GeneratedSources.Select(s => s.SourceText.ToString()));
        Assert.Equal(first.Diagnostics.Select(d => d.ToString()), second.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void An_edit_to_a_grain_interface_regenerates()
    {
        var compilation = GeneratorHarness.Compile(Interfaces, Unrelated);
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Single(t => t.FilePath == "/src/File0.cs"),
            GeneratorHarness.Parse(Interfaces.Replace("ValueTask Set(", "ValueTask Put(", StringComparison.Ordinal), "/src/File0.cs"));
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var outputs = second.TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(step => step.Outputs);
        Assert.Contains(outputs, output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(second.GeneratedSources, s => s.SourceText.ToString().Contains("global::Cache.ISecond.Put(", StringComparison.Ordinal));
    }
}
