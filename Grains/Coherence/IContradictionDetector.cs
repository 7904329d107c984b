namespace LlmMultiChat.Grains.Coherence;

/// <summary>
/// Checks a user's new statement against what they said before. The built-in implementation is rule-based
/// (<see cref="NegationPairContradictionDetector"/>); an LLM check (upstream S04: ask the model for a score, flag
/// above 0.8) can implement this interface when configured, which is why it is asynchronous. It is not written yet.
/// </summary>
public interface IContradictionDetector
{
    /// <summary>The contradiction with the most recent earlier statement that conflicts, or null.</summary>
    /// <param name="statement">What the user says now.</param>
    /// <param name="earlierStatements">What they said before, oldest first (e.g. the top matches of a memory search).</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    ValueTask<Contradiction?> FindAsync(string statement, IReadOnlyList<string> earlierStatements, CancellationToken cancellationToken);
}
