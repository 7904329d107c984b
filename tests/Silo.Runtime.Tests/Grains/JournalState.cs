namespace Silo.Runtime.Tests.Grains;

public sealed class JournalState
{
    public List<string> Entries { get; set; } = [];
}
