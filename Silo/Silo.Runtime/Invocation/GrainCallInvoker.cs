using System.Collections.Concurrent;
using Silo.Hosting;

namespace Silo.Invocation;

/// <summary>Creates grain references and sends their calls.</summary>
internal sealed class GrainCallInvoker(SiloRuntime runtime) : IGrainCallInvoker, IGrainFactory
{
    private readonly ConcurrentDictionary<Type, Func<IGrainCallInvoker, GrainId, GrainReference>> _factories = new();

    public TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey
    {
        var type = runtime.Registry.ForInterface(typeof(TGrainInterface));
        var grainId = GrainId.Create(type.Name, key);
        var factory = _factories.GetOrAdd(typeof(TGrainInterface), GrainReferenceRegistry.GetFactory);
        return (TGrainInterface)(object)factory(this, grainId);
    }

    public ValueTask<TResult> Invoke<TResult, TRequest>(GrainReference target, TRequest request)
        where TRequest : struct, IGrainRequest<TResult>
    {
        var caller = RequestContext.Current;
        if (runtime.TryRejectNewCall(caller) is { } rejection)
        {
            return ValueTask.FromException<TResult>(rejection);
        }

        return new CallMessage<TResult, TRequest>(runtime, target, request, caller).Send();
    }

    public IAsyncEnumerable<TItem> InvokeStreaming<TItem, TRequest>(GrainReference target, TRequest request)
        where TRequest : struct, IStreamingGrainRequest<TItem> =>
        new StreamingCall<TItem, TRequest>(runtime, target, request);
}
