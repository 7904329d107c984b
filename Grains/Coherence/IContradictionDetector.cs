namespace LlmMultiChat.Grains.Coherence;

/// <summary>
/// Checks a user's new statement against what they said before. The built-in implementation is rule-based
/// (<see cref="NegationPairContradictionDetector"/>); with <c>Coherence:Model</c> configured,
/// <see cref="LlmContradictionDetector"/> adds S04's model check after the rules, which is why it is asynchronous.
/// </summary>
public interface IContradictionDetector
{
    /// <summary>The contradiction with the most recent earlier statement that conflicts, or null.</summary>
    /// <param name="statement">What the user says now.</param>
    /// <param name="earlierStatements">What they said before, oldest first (e.g. the top matches of a memory search).</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    ValueTask<Contradiction?> FindAsync(string statement, IReadOnlyList<string> earlierStatements, CancellationToken cancellationToken);
}
