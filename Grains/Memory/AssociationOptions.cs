namespace LlmMultiChat.Grains.Memory;

/// <summary>The numbers of the associative graph (ARCHITECTURE §6 "Associative graph", spec §5.2–§5.3).</summary>
public sealed record AssociationOptions
{
    public const string SectionName = "Associations";

    /// <summary>Concepts up to this many positions apart co-occur.</summary>
    public int Window { get; init; } = 3;

    /// <summary>A co-occurrence at distance d counts 1 / (1 + DistanceFactor·d).</summary>
    public double DistanceFactor { get; init; } = 0.3;

    /// <summary>Hebbian rate: an existing edge grows by the co-occurrence's count times this.</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Edges never grow beyond this.</summary>
    public double MaxStrength { get; init; } = 1.0;

    /// <summary>Each full period an edge goes without activation multiplies its strength by <see cref="DecayFactor"/>.</summary>
    public TimeSpan IdlePeriod { get; init; } = TimeSpan.FromDays(30);

    public double DecayFactor { get; init; } = 0.95;

    /// <summary>Maintenance deletes edges weaker than this.</summary>
    public double PruneBelow { get; init; } = 0.1;

    /// <summary>The deepest retrieval allowed.</summary>
    public int MaxDepth { get; init; } = 3;

    /// <summary>Retrieval returns at most this many concepts.</summary>
    public int MaxResults { get; init; } = 20;

    /// <summary>Retrieval's threshold when none is given: 0.3, the value of the P4 API and the 3D view.</summary>
    public double DefaultThreshold { get; init; } = 0.3;

    /// <summary>Topic transitions further apart than this many hops score 0.</summary>
    public int TransitionMaxHops { get; init; } = 5;

    /// <summary>
    /// How often a character's graph runs maintenance (decay, prune) while its grain stays active; it also runs when
    /// the graph is first used after activation. Decay counts elapsed idle periods, so running it more often changes
    /// nothing but the cost.
    /// </summary>
    public TimeSpan MaintenanceInterval { get; init; } = TimeSpan.FromDays(1);

    /// <summary>The most concepts one view of the graph (the 3D panel's max_nodes) may ask for.</summary>
    public int MaxViewNodes { get; init; } = 200;

    /// <summary>A concept learned from users' conversations is private to them until this many different users have taught it.</summary>
    public int SharedAfterUsers { get; init; } = 3;

    /// <summary>A reply's prompt names at most this many concepts associated with the message's…</summary>
    public int InPrompt { get; init; } = 8;

    /// <summary>…found within this many hops…</summary>
    public int PromptDepth { get; init; } = 2;

    /// <summary>…over edges at least this strong.</summary>
    public double PromptThreshold { get; init; } = 0.3;

    /// <exception cref="InvalidOperationException">A value cannot be honoured; the message names the section.</exception>
    public void Validate()
    {
        if (Window < 1 || DistanceFactor < 0 || LearningRate < 0 || MaxStrength <= 0 || IdlePeriod <= TimeSpan.Zero
            || DecayFactor is <= 0 or > 1 || PruneBelow < 0 || MaxDepth < 1 || MaxResults < 1 || DefaultThreshold is < 0 or > 1
            || TransitionMaxHops < 1 || MaintenanceInterval <= TimeSpan.Zero || MaxViewNodes < 1
            || InPrompt < 0 || SharedAfterUsers < 1 || PromptDepth < 1 || PromptDepth > MaxDepth || PromptThreshold is < 0 or > 1)
        {
            throw new InvalidOperationException(
                $"{SectionName} options: Window, MaxDepth, MaxResults, TransitionMaxHops and MaxViewNodes must be at least 1; DistanceFactor, LearningRate "
                + "and PruneBelow not negative; MaxStrength, IdlePeriod and MaintenanceInterval positive; DecayFactor in (0, 1]; DefaultThreshold and PromptThreshold in [0, 1]; InPrompt not negative; SharedAfterUsers at least 1; PromptDepth in 1..MaxDepth.");
        }
    }
}
