using Silo.Hosting;
using Silo.Runtime.Tests.Support;
using Silo.Streams;

namespace Silo.Runtime.Tests.Grains;

public sealed class SubscriberGrain(GrainEvents events) : Grain, ISubscriberGrain
{
    private readonly List<int> _received = [];

    public async Task Subscribe(string streamKey)
    {
        var stream = GetStreamProvider(SiloProviderNames.Default).GetStream<int>(StreamId.Create("numbers", streamKey));
        await stream.SubscribeAsync(item =>
        {
            _received.Add(item);
            events.Record($"got:{GetPrimaryKeyString()}:{item}");
            return Task.CompletedTask;
        });
    }

    public Task<IReadOnlyList<int>> Received() => Task.FromResult<IReadOnlyList<int>>([.. _received]);

    public Task DeactivateSoon()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        events.Record($"deactivated:{GetPrimaryKeyString()}");
        return Task.CompletedTask;
    }
}
