namespace LlmMultiChat.Grains.Memory;

/// <summary>
/// Salience of a memory: min(1, 0.4·|valence| + 0.3·novelty + 0.2·relatedness + 0.1·min(mentions/10, 1)).
/// Inputs are clamped to their ranges so a bad caller cannot push a score outside 0..1.
/// </summary>
public sealed class ImportanceScorer
{
    private readonly ImportanceOptions _options;

    public ImportanceScorer(ImportanceOptions? options = null)
    {
        _options = options ?? new ImportanceOptions();
    }

    /// <param name="valence">Emotional valence, -1..1; only its size counts.</param>
    /// <param name="novelty">0..1, see <see cref="Novelty"/>.</param>
    /// <param name="relatedness">0..1: how much the memory links to what is already known.</param>
    /// <param name="mentions">How often the subject was mentioned; the spec's default is 1.</param>
    public double Score(double valence, double novelty, double relatedness, int mentions = 1)
    {
        var score = (_options.ValenceWeight * Math.Min(Math.Abs(valence), 1))
                    + (_options.NoveltyWeight * Math.Clamp(novelty, 0, 1))
                    + (_options.RelatednessWeight * Math.Clamp(relatedness, 0, 1))
                    + (_options.MentionsWeight * Math.Clamp((double)mentions / _options.MentionsSaturation, 0, 1));
        return Math.Min(1, score);
    }

    /// <summary>
    /// 1 − (stored memories at least 0.8 similar among the 5 nearest) / 5 (spec §3.6). Pass the similarities of the
    /// nearest stored memories, e.g. from <see cref="VectorIndex{TKey}.Search"/>; fewer than 5 count as unlike.
    /// </summary>
    public double Novelty(IEnumerable<float> nearestSimilarities)
    {
        ArgumentNullException.ThrowIfNull(nearestSimilarities);
        var alike = nearestSimilarities
            .OrderDescending()
            .Take(_options.NoveltyNeighbours)
            .Count(s => s >= _options.NoveltySimilarity);
        return 1 - ((double)alike / _options.NoveltyNeighbours);
    }

    /// <summary>Whether a memory of this score skips consolidation and goes to long-term at once.</summary>
    public bool PromoteAtOnce(double score) => score > _options.PromoteAbove;
}
