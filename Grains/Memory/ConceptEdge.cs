namespace LlmMultiChat.Grains.Memory;

/// <summary>
/// An undirected edge in a snapshot between two node positions. <paramref name="DecayedPeriods"/> counts the idle
/// periods already applied to <paramref name="Strength"/>, so a restored graph does not decay them twice.
/// </summary>
public sealed record ConceptEdge(int From, int To, double Strength, int CoOccurrence, DateTimeOffset LastActivated, int DecayedPeriods);
