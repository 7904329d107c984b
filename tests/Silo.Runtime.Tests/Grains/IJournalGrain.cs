namespace Silo.Runtime.Tests.Grains;

public interface IJournalGrain : IGrainWithStringKey
{
    /// <summary>Appends an entry, writes the state, and returns the entry count.</summary>
    Task<int> Append(string entry);
}
