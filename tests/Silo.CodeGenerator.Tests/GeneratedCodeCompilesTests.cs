using Microsoft.CodeAnalysis;

namespace Silo.CodeGenerator.Tests;

/// <summary>The generated references compile, without a single warning, for every supported interface shape.</summary>
public sealed class GeneratedCodeCompilesTests
{
    private const string Shapes = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Silo;

        namespace Rich;

        public interface IReturnKinds : IGrainWithStringKey
        {
            Task Run();

            Task<int> Count();

            ValueTask Reset();

            ValueTask<string> Name();

            IAsyncEnumerable<int> Numbers(int count, CancellationToken cancellationToken);
        }

        public interface IParameters : IGrainWithStringKey
        {
            Task None();

            Task One(int value);

            Task Many(int a, string b, double c, Guid d, DateTimeOffset e, byte[] f, (int X, string? Y) g, decimal? h, int[][] i);

            Task Overload();

            Task Overload(int value);

            Task Overload(string value);

            Task<int> Overload(int a, int b);

            ValueTask<string> Overload(int a, CancellationToken cancellationToken);

            Task Keywords(string @class, int @event, bool @params, object @this);

            Task<string?> Nullable(string? text, List<string?>? items);

            Task<List<string?>?> NullableResult();

            ValueTask<int?> NullableValue(int? value, Guid? id);

            IAsyncEnumerable<string?> NullableStream(string? prefix);

            ValueTask<Dictionary<string, List<int>>> Nested(Dictionary<string, List<int>> map, KeyValuePair<string, int[]?>[] pairs);

            Task<IReadOnlyDictionary<string, IReadOnlyList<(string Key, int? Value)>>?> DeeplyNested();

            Task Defaults(int count = 3, string? name = null, string label = "x", double ratio = 0.5, DayOfWeek day = DayOfWeek.Monday, CancellationToken cancellationToken = default);

            Task Params(string format, params object?[] args);

            Task<int> TokenInTheMiddle(int a, CancellationToken cancellationToken, string b);

            [AlwaysInterleave]
            ValueTask<int> Peek();

            [AlwaysInterleave]
            Task Interrupt(CancellationToken cancellationToken);

            [Obsolete("Use Peek")]
            Task Old();

            [Obsolete]
            Task<int> Older(int value);

            [Obsolete("Legacy types")]
        Task<Legacy> UsesObsoleteType(Legacy legacy);

            Task @return(int @default);

            Task Defaulted() => Task.CompletedTask;
        }

        [Obsolete("Kept for old callers")]
        public sealed class Legacy;

        [Obsolete("Whole interface")]
        public interface IObsolete : IGrainWithStringKey
        {
            Task Ping();
        }

        // A diamond: IBase's methods must be implemented once, under IBase.
        public interface IBase : IGrainWithStringKey
        {
            Task<int> BaseMethod(int x);

            Task Shared();
        }

        public interface ILeft : IBase
        {
            Task Left();
        }

        public interface IRight : IBase
        {
            Task Right(CancellationToken cancellationToken);
        }

        public interface IDerived : ILeft, IRight, IDisposableLike
        {
            Task Derived();

            new Task Shared();
        }

        // A plain base interface whose methods a grain interface inherits.
        public interface IDisposableLike
        {
            ValueTask DisposeAsync();
        }

        public class Outer
        {
            public interface INested : IGrainWithStringKey
            {
                Task Ping();
            }

            public class Middle
            {
                public interface INested : IGrainWithStringKey
                {
                    Task<string> Pong(string value);
                }
            }
        }

        internal interface IInternal : IGrainWithStringKey
        {
            Task Ping();
        }

        public partial interface IPartial : IGrainWithStringKey
        {
            Task First();
        }
        """;

    private const string PartialSecondHalf = """
        using System.Threading.Tasks;
        using Silo;

        namespace Rich;

        public partial interface IPartial : IGrainWithStringKey
        {
            Task<int> Second(int value);
        }

        public partial interface IPartial
        {
            ValueTask Third();
        }
        """;

    private const string GlobalNamespace = """
        public interface IGlobal : Silo.IGrainWithStringKey
        {
            System.Threading.Tasks.Task<string> Hello(string name);
        }
        """;

    // Same simple name as Rich.IReturnKinds, and a namespace spelled with a keyword.
    private const string OtherNamespaces = """
        using System.Threading.Tasks;
        using Silo;

        namespace Other.@class
        {
            public interface IReturnKinds : IGrainWithStringKey
            {
                Task Run();
            }
        }
        """;

    [Fact]
    public void References_for_every_supported_shape_compile_without_any_diagnostic()
    {
        var compilation = GeneratorHarness.Compile(Shapes, PartialSecondHalf, GlobalNamespace, OtherNamespaces);
        Assert.Empty(GeneratorHarness.VisibleDiagnostics(compilation));

        var output = GeneratorHarness.Run(compilation);

        Assert.Empty(output.Diagnostics);
        Assert.Equal(
            [
                "IGlobal_Reference.g.cs",
                "Other.class.IReturnKinds_Reference.g.cs",
                "Rich.IBase_Reference.g.cs",
                "Rich.IDerived_Reference.g.cs",
                "Rich.IInternal_Reference.g.cs",
                "Rich.ILeft_Reference.g.cs",
                "Rich.IObsolete_Reference.g.cs",
                "Rich.IParameters_Reference.g.cs",
                "Rich.IPartial_Reference.g.cs",
                "Rich.IReturnKinds_Reference.g.cs",
                "Rich.IRight_Reference.g.cs",
                "Rich.Outer_INested_Reference.g.cs",
                "Rich.Outer_Middle_INested_Reference.g.cs",
            ],
            output.HintNames.Order(StringComparer.Ordinal));

        var diagnostics = GeneratorHarness.VisibleDiagnostics(output.Compilation);
        Assert.True(diagnostics.IsEmpty, GeneratorHarness.Describe(diagnostics) + Environment.NewLine + string.Join(Environment.NewLine, output.Sources.Select(s => s.SourceText)));

        using var stream = new MemoryStream();
        var emit = output.Compilation.Emit(stream);
        Assert.True(emit.Success, GeneratorHarness.Describe(emit.Diagnostics));
    }

    [Fact]
    public void A_partial_interface_is_generated_once_with_the_methods_of_every_part()
    {
        var output = GeneratorHarness.Run(GeneratorHarness.Compile(Shapes, PartialSecondHalf));

        var source = output.SourceOf("Rich.IPartial_Reference.g.cs");
        Assert.Contains("global::Rich.IPartial.First(", source, StringComparison.Ordinal);
        Assert.Contains("global::Rich.IPartial.Second(", source, StringComparison.Ordinal);
        Assert.Contains("global::Rich.IPartial.Third(", source, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inherited_method_is_implemented_once_under_the_interface_that_declares_it()
    {
        var output = GeneratorHarness.Run(GeneratorHarness.Compile(Shapes));

        var source = output.SourceOf("Rich.IDerived_Reference.g.cs");
        foreach (var implementation in new[]
        {
            "global::Rich.IDerived.Derived(", "global::Rich.IDerived.Shared(", "global::Rich.ILeft.Left(",
            "global::Rich.IRight.Right(", "global::Rich.IBase.BaseMethod(", "global::Rich.IBase.Shared(",
            "global::Rich.IDisposableLike.DisposeAsync(",
        })
        {
            Assert.Equal(1, Occurrences(source, " " + implementation));
        }

        Assert.Equal(7, Occurrences(source, "private readonly struct Request"));
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
