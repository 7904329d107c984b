namespace LlmMultiChat.Grains.Coherence;

/// <summary>
/// The rule-based contradiction check (upstream P5): a new stance contradicts the latest earlier stance of the same
/// kind on the same object when they point opposite ways. Only the latest counts, so a user who answered the
/// clarifying question and restated their view is not asked again.
/// </summary>
public sealed class NegationPairContradictionDetector : IContradictionDetector
{
    public ValueTask<Contradiction?> FindAsync(string statement, IReadOnlyList<string> earlierStatements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(earlierStatements);
        var open = StanceExtractor.Extract(statement).ToList();
        foreach (var earlier in earlierStatements.Reverse())
        {
            foreach (var past in StanceExtractor.Extract(earlier))
            {
                var same = open.Find(s => s.Kind == past.Kind && s.Topic == past.Topic);
                if (same is null)
                {
                    continue;
                }

                if (same.Positive != past.Positive)
                {
                    return ValueTask.FromResult<Contradiction?>(new Contradiction(earlier, statement, same.Topic, ClarifyingQuestion.For(earlier, statement)));
                }

                open.Remove(same);
            }
        }

        return ValueTask.FromResult<Contradiction?>(null);
    }
}
