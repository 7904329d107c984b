namespace Silo.Runtime.Tests.Grains;

/// <summary>A grain whose state name ("entries") differs from its type name ("journal"), so messages can be told apart.</summary>
[GrainType(TypeName)]
public sealed class JournalGrain([PersistentState(JournalGrain.StateName)] IPersistentState<JournalState> journal) : Grain, IJournalGrain
{
    public const string TypeName = "journal";
    public const string StateName = "entries";

    public async Task<int> Append(string entry)
    {
        journal.State.Entries.Add(entry);
        await journal.WriteStateAsync();
        return journal.State.Entries.Count;
    }
}
