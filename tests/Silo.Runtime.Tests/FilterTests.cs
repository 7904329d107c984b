using Silo.Filters;
using Silo.Runtime.Tests.Grains;
using Silo.Runtime.Tests.Support;
using Silo.Testing;

namespace Silo.Runtime.Tests;

public sealed class FilterTests
{
    [Fact]
    public async Task Outgoing_then_incoming_then_grain_filters_wrap_the_call_and_see_its_arguments_and_result()
    {
        var log = new List<string>();
        await using var silo = await Silos.StartAsync(silo: b => b
            .AddOutgoingGrainCallFilter(new RecordingOutgoingFilter(log))
            .AddIncomingGrainCallFilter(new RecordingIncomingFilter(log)));

        var result = await silo.GetGrain<IFilteredGrain>("f").Echo("hello");

        Assert.Equal("[hello]", result);
        Assert.Equal(
            [
                "out-before:IFilteredGrain.Echo(hello) from (none)",
                "in-before:IFilteredGrain.Echo on FilteredGrain",
                "in-after:[hello]",
                "out-after:[hello]",
            ],
            log);
        Assert.Equal(["grain-filter-before:Echo", "echo:hello", "grain-filter-after"], silo.Events().Snapshot());
    }

    [Fact]
    public async Task An_outgoing_filter_knows_the_calling_grain()
    {
        var log = new List<string>();
        await using var silo = await Silos.StartAsync(silo: b => b.AddOutgoingGrainCallFilter(new RecordingOutgoingFilter(log)));

        await silo.GetGrain<IRelayGrain>("a").Relay(["b"]);

        Assert.Contains("out-before:IRelayGrain.Relay(System.String[]) from relay/a", log);
    }

    [Fact]
    public async Task An_incoming_filter_that_throws_stops_the_call_before_the_grain_runs()
    {
        await using var silo = await Silos.StartAsync(silo: b => b.AddIncomingGrainCallFilter(new RejectingFilter()));

        var error = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => silo.GetGrain<IFilteredGrain>("f").Echo("secret"));

        Assert.Equal("not allowed: Echo", error.Message);
        Assert.Empty(silo.Events().Snapshot());
    }

    private sealed class RecordingOutgoingFilter(List<string> log) : IOutgoingGrainCallFilter
    {
        public async ValueTask Invoke(IOutgoingGrainCallContext context)
        {
            var argument = context.Request.ArgumentCount > 0 ? context.Request.GetArgument(0) : null;
            lock (log)
            {
                log.Add($"out-before:{context.Method.DisplayName}({argument}) from {context.SourceId?.ToString() ?? "(none)"}");
            }

            await context.Invoke();
            lock (log)
            {
                log.Add($"out-after:{context.Result}");
            }
        }
    }

    private sealed class RecordingIncomingFilter(List<string> log) : IIncomingGrainCallFilter
    {
        public async ValueTask Invoke(IIncomingGrainCallContext context)
        {
            lock (log)
            {
                log.Add($"in-before:{context.Method.DisplayName} on {context.Grain.GetType().Name}");
            }

            await context.Invoke();
            lock (log)
            {
                log.Add($"in-after:{context.Result}");
            }
        }
    }

    private sealed class RejectingFilter : IIncomingGrainCallFilter
    {
        public ValueTask Invoke(IIncomingGrainCallContext context) =>
            ValueTask.FromException(new UnauthorizedAccessException($"not allowed: {context.Method.Name}"));
    }
}
