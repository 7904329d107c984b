namespace Silo.Runtime.Tests.Grains;

public sealed class ProfileState
{
    public string Name { get; set; } = string.Empty;
}

public sealed class VisitState
{
    public int Count { get; set; }
}

public sealed class TwoStateGrain(
    [PersistentState("profile")] IPersistentState<ProfileState> profile,
    [PersistentState("visits", "Second")] IPersistentState<VisitState> visits) : Grain, ITwoStateGrain
{
    public async Task Save(string name, int count)
    {
        profile.State.Name = name;
        visits.State.Count = count;
        await profile.WriteStateAsync();
        await visits.WriteStateAsync();
    }

    public Task<(string Profile, int Visits)> Load() => Task.FromResult((profile.State.Name, visits.State.Count));

    public Task<(string? ProfileEtag, string? VisitsEtag)> Etags() => Task.FromResult((profile.Etag, visits.Etag));
}
