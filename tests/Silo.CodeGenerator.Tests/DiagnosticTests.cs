using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Silo.CodeGenerator.Tests;

/// <summary>
/// Every unsupported shape is reported with its id, on the offending member, and stops generation for that
/// interface only. The source marks the expected location with [| |].
/// </summary>
public sealed class DiagnosticTests
{
    private const string Prologue = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Silo;

        namespace Shapes;

        // A valid neighbour: it must still be generated.
        public interface IFine : IGrainWithStringKey
        {
            Task Ping();
        }

        """;

    public static TheoryData<string, string> UnsupportedShapes => new()
    {
        // SILO001: the return type.
        { "SILO001", "public interface IBad : IGrainWithStringKey { int [|Count|](); }" },
        { "SILO001", "public interface IBad : IGrainWithStringKey { void [|Fire|](string text); }" },
        { "SILO001", "public interface IBad : IGrainWithStringKey { Task<int>[] [|Many|](); }" },
        { "SILO001", "public interface IBad : IGrainWithStringKey { IEnumerable<int> [|Items|](); }" },
        { "SILO001", "public interface IBad : IGrainWithStringKey { Task Fine(); object [|Untyped|](); }" },
        // A bad method inherited from another assembly is reported on the grain interface that inherits it.
        { "SILO001", "public interface [|IBad|] : IGrainWithStringKey, IDisposable { Task Ping(); }" },

        // SILO002: members that are not methods.
        { "SILO002", "public interface IBad : IGrainWithStringKey { Task Fine(); int [|Count|] { get; } }" },
        { "SILO002", "public interface IBad : IGrainWithStringKey { event EventHandler [|Changed|]; }" },
        { "SILO002", "public interface IBad : IGrainWithStringKey { string [|this|][int index] { get; set; } }" },
        { "SILO002", "public interface IBad : IGrainWithStringKey { static abstract Task [|Create|](); }" },

        // SILO003: generic interfaces and methods.
        { "SILO003", "public interface [|IBad|]<T> : IGrainWithStringKey { Task<T> Get(); }" },
        { "SILO003", "public interface IBad : IGrainWithStringKey { Task<T> [|Get|]<T>(); }" },
        { "SILO003", "public class Box<T> { public interface [|IBad|] : IGrainWithStringKey { Task Ping(); } }" },

        // SILO004: by-reference parameters.
        { "SILO004", "public interface IBad : IGrainWithStringKey { Task Set(int a, ref int [|value|]); }" },
        { "SILO004", "public interface IBad : IGrainWithStringKey { Task Get(out int [|value|]); }" },
        { "SILO004", "public interface IBad : IGrainWithStringKey { Task Read(in Guid [|value|]); }" },
        { "SILO004", "public interface IBad : IGrainWithStringKey { Task Read(ref readonly Guid [|value|]); }" },

        // SILO005: two cancellation tokens.
        { "SILO005", "public interface IBad : IGrainWithStringKey { Task [|Two|](CancellationToken first, int x, CancellationToken second); }" },

        // SILO006: an interface the generated reference cannot name.
        { "SILO006", "public class Outer { private class Hidden { public interface [|IBad|] : IGrainWithStringKey { Task Ping(); } } }" },
        { "SILO006", "public class Outer { private interface [|IBad|] : IGrainWithStringKey { Task Ping(); } }" },
        { "SILO006", "public class Outer { protected interface [|IBad|] : IGrainWithStringKey { Task Ping(); } }" },
        { "SILO006", "file interface [|IBad|] : IGrainWithStringKey { Task Ping(); }" },

        // SILO007: parameter types a request struct cannot hold.
        { "SILO007", "public interface IBad : IGrainWithStringKey { Task Sum(params ReadOnlySpan<int> [|values|]); }" },
        { "SILO007", "public interface IBad : IGrainWithStringKey { Task Fill(Span<byte> [|buffer|]); }" },
    };

    [Theory]
    [MemberData(nameof(UnsupportedShapes))]
    public void An_unsupported_shape_is_reported_on_the_offending_member_and_its_interface_is_not_generated(string id, string markup)
    {
        var (declaration, expectedSpan) = ParseMarkup(markup);
        var source = Prologue + declaration;
        var output = GeneratorHarness.Run(GeneratorHarness.Compile(source));

        var diagnostic = Assert.Single(output.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var lineSpan = diagnostic.Location.GetLineSpan();
        Assert.Equal("/src/File0.cs", lineSpan.Path);
        var span = new TextSpan(expectedSpan.Start + Prologue.Length, expectedSpan.Length);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        Assert.Equal(SourceText.From(source).Lines.GetLinePositionSpan(span), lineSpan.Span);

        // Only the valid neighbour was generated.
        Assert.Equal(["Shapes.IFine_Reference.g.cs"], output.HintNames);
    }

    [Fact]
    public void A_member_of_a_base_interface_is_reported_once_and_blocks_every_derived_interface()
    {
        var source = """
            using System.Threading.Tasks;
            using Silo;

            namespace Shapes;

            public interface IBase : IGrainWithStringKey { int Count(); }
            public interface ILeft : IBase { Task Left(); }
            public interface IRight : IBase { Task Right(); }
            public interface IBoth : ILeft, IRight { Task Both(); }
            public interface IFine : IGrainWithStringKey { Task Ping(); }
            """;
        var output = GeneratorHarness.Run(GeneratorHarness.Compile(source));

        var diagnostic = Assert.Single(output.Diagnostics);
        Assert.Equal("SILO001", diagnostic.Id);
        Assert.Equal(source.IndexOf("Count", StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
        Assert.Equal(["Shapes.IFine_Reference.g.cs"], output.HintNames);
    }

    [Fact]
    public void A_nested_interface_or_a_static_member_with_a_body_is_not_an_unsupported_member()
    {
        var source = """
            using System.Threading.Tasks;
            using Silo;

            namespace Shapes;

            public interface IOuter : IGrainWithStringKey
            {
                Task Ping();

                static Task Helper() => Task.CompletedTask;

                Task Defaulted() => Task.CompletedTask;

                public interface IInner : IGrainWithStringKey
                {
                    Task Pong();
                }

                public class Payload
                {
                    public int Value { get; set; }
                }
            }
            """;
        var output = GeneratorHarness.Run(GeneratorHarness.Compile(source));

        Assert.Empty(output.Diagnostics);
        Assert.Equal(["Shapes.IOuter_IInner_Reference.g.cs", "Shapes.IOuter_Reference.g.cs"], output.HintNames.Order(StringComparer.Ordinal));
        Assert.Empty(GeneratorHarness.VisibleDiagnostics(output.Compilation));
    }

    private static (string Source, TextSpan Span) ParseMarkup(string markup)
    {
        var start = markup.IndexOf("[|", StringComparison.Ordinal);
        var end = markup.IndexOf("|]", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "The markup must mark the expected location with [| |].");
        var source = markup.Remove(end, 2).Remove(start, 2);
        return (source, TextSpan.FromBounds(start, end - 2));
    }
}
