using Silo.Hosting;

namespace Silo.Invocation;

/// <summary>What a streaming grain method returns to its caller: each enumeration is a new call.</summary>
internal sealed class StreamingCall<TItem, TRequest>(SiloRuntime runtime, GrainReference reference, TRequest request) : IAsyncEnumerable<TItem>
    where TRequest : struct, IStreamingGrainRequest<TItem>
{
    public IAsyncEnumerator<TItem> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        var caller = RequestContext.Current;
        var message = new StreamingCallMessage<TItem, TRequest>(runtime, reference, request, caller, cancellationToken);
        if (runtime.TryRejectNewCall(caller) is { } rejection)
        {
            message.Reject(rejection);
        }
        else
        {
            message.Open();
        }

        return message;
    }
}
