namespace LlmMultiChat.Grains.Memory;

/// <summary>The numbers of the associative graph (ARCHITECTURE §6 "Associative graph", spec §5.2–§5.3).</summary>
public sealed record AssociationOptions
{
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
}
