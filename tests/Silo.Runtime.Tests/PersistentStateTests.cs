using Microsoft.Extensions.DependencyInjection;
using Silo.Invocation;
using Silo.Runtime.Tests.Grains;
using Silo.Runtime.Tests.Support;
using Silo.Storage;
using Silo.Testing;

namespace Silo.Runtime.Tests;

/// <summary>[PersistentState] as grains see it: several states per grain, each in its own store, read before activation.</summary>
public sealed class PersistentStateTests
{
    [Fact]
    public async Task A_grain_keeps_two_states_in_two_stores_and_reads_both_back_when_reactivated()
    {
        await using var silo = await Silos.StartAsync();
        var grain = silo.GetGrain<ITwoStateGrain>("two");

        await grain.Save("ルミナ", 7);
        var etags = await grain.Etags();
        await silo.StopAsync();

        // Each state went to its own store, under its own name.
        var first = silo.Services.GetRequiredKeyedService<IGrainStorage>("Default");
        var second = silo.Services.GetRequiredKeyedService<IGrainStorage>("Second");
        var id = ((GrainReference)grain).GrainId;
        var profile = new GrainState<ProfileState>(new ProfileState());
        var visits = new GrainState<VisitState>(new VisitState());
        var misplaced = new GrainState<VisitState>(new VisitState());
        await first.ReadStateAsync("profile", id, profile, CancellationToken.None);
        await second.ReadStateAsync("visits", id, visits, CancellationToken.None);
        await first.ReadStateAsync("visits", id, misplaced, CancellationToken.None);
        Assert.Equal(("ルミナ", etags.ProfileEtag), (profile.State.Name, profile.ETag));
        Assert.Equal((7, etags.VisitsEtag), (visits.State.Count, visits.ETag));
        Assert.False(misplaced.RecordExists);
    }

    [Fact]
    public async Task A_grain_whose_state_names_an_unknown_store_stops_the_silo_from_starting()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestSilo.StartAsync(b => b.AddGrain<TwoStateGrain>()));

        Assert.Contains("'visits'", error.Message, StringComparison.Ordinal);
        Assert.Contains("No grain storage named 'Second'", error.Message, StringComparison.Ordinal);
    }
}
