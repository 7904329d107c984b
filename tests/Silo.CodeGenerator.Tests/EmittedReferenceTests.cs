using System.Runtime.Loader;
using Silo.Invocation;

namespace Silo.CodeGenerator.Tests;

/// <summary>
/// Compiles generated references with a recording grain, loads them, and calls them through a fake invoker:
/// the request structs must carry the right method metadata and arguments and reach the grain unchanged.
/// </summary>
public sealed class EmittedReferenceTests : IClassFixture<EmittedReferenceTests.ProbeAssembly>, IDisposable
{
    private const string Source = """
        using System.Collections.Generic;
        using System.Linq;
        using System.Runtime.CompilerServices;
        using System.Threading;
        using System.Threading.Tasks;
        using Silo;

        namespace Probe;

        public interface IProbeBase : IGrainWithStringKey
        {
            Task<int> FromBase(int x);
        }

        public interface IProbe : IProbeBase
        {
            Task Plain(int a, string? b);

            Task<string> Echo(string text, CancellationToken cancellationToken, int times);

            ValueTask Nothing();

            [AlwaysInterleave]
            ValueTask<int> Add(int a, int b);

            IAsyncEnumerable<int> Range(int start, int count, CancellationToken cancellationToken);

            Task<string> Overload(string @class);

            Task<string> Overload(int @event, params string[] rest);
        }

        /// <summary>Records every call as (method, arguments as received, the token received).</summary>
        public sealed class ProbeGrain : IProbe
        {
            public List<KeyValuePair<string, object?[]>> Calls { get; } = [];

            public Task<int> FromBase(int x) => Task.FromResult(Record(x + 1, nameof(FromBase), x));

            public Task Plain(int a, string? b)
            {
                Record(0, nameof(Plain), a, b);
                return Task.CompletedTask;
            }

            public async Task<string> Echo(string text, CancellationToken cancellationToken, int times)
            {
                await Task.Yield();
                return Record(string.Concat(Enumerable.Repeat(text, times)), nameof(Echo), text, cancellationToken, times);
            }

            public ValueTask Nothing()
            {
                Record(0, nameof(Nothing));
                return default;
            }

            public ValueTask<int> Add(int a, int b) => new(Record(a + b, nameof(Add), a, b));

            public async IAsyncEnumerable<int> Range(int start, int count, [EnumeratorCancellation] CancellationToken cancellationToken)
            {
                Record(0, nameof(Range), start, count, cancellationToken);
                for (var i = 0; i < count; i++)
                {
                    await Task.Yield();
                    yield return start + i;
                }
            }

            public Task<string> Overload(string @class) => Task.FromResult(Record("string", nameof(Overload), @class));

            public Task<string> Overload(int @event, params string[] rest) => Task.FromResult(Record("int", nameof(Overload), @event, rest));

            private T Record<T>(T result, string method, params object?[] arguments)
            {
                Calls.Add(new(method, arguments));
                return result;
            }
        }
        """;

    private readonly Type _probe;
    private readonly Type _probeBase;
    private readonly object _grain;
    private readonly CancellationTokenSource _callerTokenSource = new();
    private readonly CancellationTokenSource _invokeTokenSource = new();
    private readonly RecordingInvoker _invoker;
    private readonly object _reference;

    public EmittedReferenceTests(ProbeAssembly probeAssembly)
    {
        _probe = probeAssembly.Probe;
        _probeBase = probeAssembly.ProbeBase;
        _grain = Activator.CreateInstance(probeAssembly.Grain)!;
        _invoker = new RecordingInvoker(_grain, _invokeTokenSource.Token);
        _reference = GrainReferenceRegistry.GetFactory(_probe)(_invoker, GrainId.Create("probe", "a"));
    }

    private CancellationToken CallerToken => _callerTokenSource.Token;

    private CancellationToken InvokeToken => _invokeTokenSource.Token;

    public void Dispose()
    {
        _callerTokenSource.Dispose();
        _invokeTokenSource.Dispose();
    }

    [Fact]
    public void The_registry_returns_a_generated_reference_for_the_interface_and_for_its_grain_base()
    {
        Assert.IsAssignableFrom(_probe, _reference);
        Assert.IsAssignableFrom(_probeBase, _reference);
        var reference = Assert.IsAssignableFrom<GrainReference>(_reference);
        Assert.Equal(GrainId.Create("probe", "a"), reference.GrainId);

        var baseReference = GrainReferenceRegistry.GetFactory(_probeBase)(_invoker, GrainId.Create("probe", "b"));
        Assert.IsAssignableFrom(_probeBase, baseReference);
        Assert.False(_probe.IsInstanceOfType(baseReference));
    }

    [Fact]
    public async Task A_Task_method_sends_its_arguments_and_reaches_the_grain()
    {
        await (Task)Call("Plain", 7, "seven");

        var request = Assert.Single(_invoker.Requests);
        AssertMethod(request, _probe, "Plain", GrainMethodKind.Task, alwaysInterleave: false, acceptsCancellation: false);
        Assert.Equal([7, "seven"], request.Arguments);
        Assert.Equal(CancellationToken.None, request.CancellationToken);
        AssertCall("Plain", 7, "seven");
    }

    [Fact]
    public async Task A_null_argument_is_passed_as_null()
    {
        await (Task)Call("Plain", 1, null);

        Assert.Equal([1, null], Assert.Single(_invoker.Requests).Arguments);
        AssertCall("Plain", 1, null);
    }

    [Fact]
    public async Task A_Task_of_T_method_with_a_token_sends_the_callers_token_and_the_grain_receives_the_invokers()
    {
        var result = await (Task<string>)Call("Echo", "ab", CallerToken, 3);

        Assert.Equal("ababab", result);
        var request = Assert.Single(_invoker.Requests);
        AssertMethod(request, _probe, "Echo", GrainMethodKind.TaskOfT, alwaysInterleave: false, acceptsCancellation: true);
        Assert.Equal(["ab", CallerToken, 3], request.Arguments);
        Assert.Equal(CallerToken, request.CancellationToken);
        AssertCall("Echo", "ab", InvokeToken, 3);
    }

    [Fact]
    public async Task A_ValueTask_method_without_arguments_has_none()
    {
        await (ValueTask)Call("Nothing");

        var request = Assert.Single(_invoker.Requests);
        AssertMethod(request, _probe, "Nothing", GrainMethodKind.ValueTask, alwaysInterleave: false, acceptsCancellation: false);
        Assert.Empty(request.Arguments);
        AssertCall("Nothing");
    }

    [Fact]
    public async Task An_AlwaysInterleave_method_says_so_in_its_metadata()
    {
        Assert.Equal(5, await (ValueTask<int>)Call("Add", 2, 3));

        var request = Assert.Single(_invoker.Requests);
        AssertMethod(request, _probe, "Add", GrainMethodKind.ValueTaskOfT, alwaysInterleave: true, acceptsCancellation: false);
        Assert.Equal([2, 3], request.Arguments);
        AssertCall("Add", 2, 3);
    }

    [Fact]
    public async Task A_streaming_method_goes_through_InvokeStreaming_and_its_grain_receives_the_invokers_token()
    {
        var items = new List<int>();
        await foreach (var item in (IAsyncEnumerable<int>)Call("Range", 10, 3, CallerToken))
        {
            items.Add(item);
        }

        Assert.Equal([10, 11, 12], items);
        var request = Assert.Single(_invoker.Requests);
        Assert.True(request.Streaming);
        AssertMethod(request, _probe, "Range", GrainMethodKind.AsyncEnumerable, alwaysInterleave: false, acceptsCancellation: true);
        Assert.Equal([10, 3, CallerToken], request.Arguments);
        Assert.Equal(CallerToken, request.CancellationToken);
        AssertCall("Range", 10, 3, InvokeToken);
    }

    [Fact]
    public async Task A_base_interface_method_is_described_by_the_interface_that_declares_it()
    {
        Assert.Equal(42, await (Task<int>)_probeBase.GetMethod("FromBase")!.Invoke(_reference, [41])!);

        var request = Assert.Single(_invoker.Requests);
        AssertMethod(request, _probeBase, "FromBase", GrainMethodKind.TaskOfT, alwaysInterleave: false, acceptsCancellation: false);
        Assert.Equal([41], request.Arguments);
        AssertCall("FromBase", 41);
    }

    [Fact]
    public async Task Overloads_get_their_own_request_and_reach_their_own_implementation()
    {
        var byString = _probe.GetMethod("Overload", [typeof(string)])!;
        var byInt = _probe.GetMethod("Overload", [typeof(int), typeof(string[])])!;
        string[] rest = ["x", "y"];

        Assert.Equal("string", await (Task<string>)byString.Invoke(_reference, ["s"])!);
        Assert.Equal("int", await (Task<string>)byInt.Invoke(_reference, [5, rest])!);

        Assert.Equal(2, _invoker.Requests.Count);
        Assert.NotEqual(_invoker.Requests[0].RequestType, _invoker.Requests[1].RequestType);
        Assert.Equal(["s"], _invoker.Requests[0].Arguments);
        Assert.Equal([5, rest], _invoker.Requests[1].Arguments);
        Assert.Same(rest, _invoker.Requests[1].Arguments[1]);
        AssertCall("Overload", "s");
    }

    [Fact]
    public async Task Every_call_of_a_method_shares_one_GrainMethod()
    {
        await (ValueTask<int>)Call("Add", 1, 1);
        await (ValueTask<int>)Call("Add", 2, 2);

        Assert.Same(_invoker.Requests[0].Method, _invoker.Requests[1].Method);
        Assert.Equal("IProbe.Add", _invoker.Requests[0].Method.DisplayName);
    }

    private object Call(string method, params object?[] arguments) =>
        _probe.GetMethod(method)!.Invoke(_reference, arguments)!;

    private static void AssertMethod(RecordedRequest request, Type interfaceType, string name, GrainMethodKind kind, bool alwaysInterleave, bool acceptsCancellation)
    {
        Assert.True(request.RequestType.IsValueType, "Requests are structs.");
        Assert.Same(interfaceType, request.Method.InterfaceType);
        Assert.Equal(name, request.Method.Name);
        Assert.Equal(kind, request.Method.Kind);
        Assert.Equal(alwaysInterleave, request.Method.AlwaysInterleave);
        Assert.Equal(acceptsCancellation, request.Method.AcceptsCancellation);
        Assert.True(request.ThrowsPastTheLastArgument, "GetArgument(ArgumentCount) must throw ArgumentOutOfRangeException.");
    }

    private void AssertCall(string method, params object?[] arguments)
    {
        var calls = (List<KeyValuePair<string, object?[]>>)_grain.GetType().GetProperty("Calls")!.GetValue(_grain)!;
        var call = calls[0];
        Assert.Equal(method, call.Key);
        Assert.Equal(arguments, call.Value);
    }

    private sealed record RecordedRequest(
        Type RequestType,
        GrainMethod Method,
        object?[] Arguments,
        bool Streaming,
        bool ThrowsPastTheLastArgument,
        CancellationToken CancellationToken);

    /// <summary>Records each request, then runs it against the grain with its own token (as the runtime does).</summary>
    private sealed class RecordingInvoker(object grain, CancellationToken invokeToken) : IGrainCallInvoker
    {
        public List<RecordedRequest> Requests { get; } = [];

        public ValueTask<TResult> Invoke<TResult, TRequest>(GrainReference target, TRequest request)
            where TRequest : struct, IGrainRequest<TResult>
        {
            Requests.Add(Record(request, streaming: false));
            return request.Invoke(grain, invokeToken);
        }

        public IAsyncEnumerable<TItem> InvokeStreaming<TItem, TRequest>(GrainReference target, TRequest request)
            where TRequest : struct, IStreamingGrainRequest<TItem>
        {
            Requests.Add(Record(request, streaming: true));
            return request.Invoke(grain, invokeToken);
        }

        private static RecordedRequest Record<TRequest>(TRequest request, bool streaming)
            where TRequest : struct, IGrainRequest
        {
            var arguments = new object?[request.ArgumentCount];
            for (var i = 0; i < arguments.Length; i++)
            {
                arguments[i] = request.GetArgument(i);
            }

            bool throws;
            try
            {
                request.GetArgument(request.ArgumentCount);
                throws = false;
            }
            catch (ArgumentOutOfRangeException)
            {
                throws = true;
            }

            return new RecordedRequest(typeof(TRequest), request.Method, arguments, streaming, throws, request.CancellationToken);
        }
    }

    /// <summary>The generated references and the recording grain, compiled once and loaded into a collectible context.</summary>
    public sealed class ProbeAssembly : IDisposable
    {
        private readonly AssemblyLoadContext _context = new("generated-references", isCollectible: true);

        public ProbeAssembly()
        {
            var output = GeneratorHarness.Run(GeneratorHarness.Compile(Source));
            Assert.Empty(output.Diagnostics);
            using var stream = new MemoryStream();
            var emit = output.Compilation.Emit(stream);
            Assert.True(emit.Success, GeneratorHarness.Describe(emit.Diagnostics));
            stream.Position = 0;

            // Silo.Abstractions resolves to the default context's copy, so the registry and contract types are shared.
            var assembly = _context.LoadFromStream(stream);
            Probe = assembly.GetType("Probe.IProbe", throwOnError: true)!;
            ProbeBase = assembly.GetType("Probe.IProbeBase", throwOnError: true)!;
            Grain = assembly.GetType("Probe.ProbeGrain", throwOnError: true)!;
        }

        public Type Probe { get; }

        public Type ProbeBase { get; }

        public Type Grain { get; }

        public void Dispose() => _context.Unload();
    }
}
