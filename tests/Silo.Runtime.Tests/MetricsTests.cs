using Silo.Runtime.Tests.Grains;
using Silo.Runtime.Tests.Support;
using Silo.Testing;

namespace Silo.Runtime.Tests;

public sealed class MetricsTests
{
    [Fact]
    public async Task Calls_errors_latency_activations_and_queue_length_are_measured_per_grain_type()
    {
        await using var silo = await Silos.StartAsync();
        using var metrics = new MeterMeasurements(silo.Host.Meter);
        var grain = silo.GetGrain<IProbeGrain>("measured");

        for (var i = 0; i < 10; i++)
        {
            await grain.Ping();
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Fail("counted"));
        var holder = grain.WaitAtGate("queue");
        await silo.Events().WaitFor("entered:queue").WaitOrFail("the holding call");
        var queued = grain.Ping();

        Assert.Equal(11, metrics.Sum("silo.grain.calls", ("grain.type", "probe")));
        Assert.Equal(1, metrics.Sum("silo.grain.call.errors", ("grain.type", "probe")));
        Assert.Equal(11, metrics.Count("silo.grain.call.duration", ("grain.type", "probe")));
        Assert.Equal(1, metrics.Observe("silo.activations", ("grain.type", "probe")));
        Assert.Equal(1, metrics.Observe("silo.activation.queue.length"));

        silo.Gates().Open("queue");
        await Task.WhenAll(holder, queued).WaitOrFail("the held and queued calls");
        Assert.Equal(0, metrics.Observe("silo.activation.queue.length"));
        Assert.Equal(13, metrics.Sum("silo.grain.calls", ("grain.type", "probe")));
    }
}
