namespace Silo;

/// <summary>Why an activation ended.</summary>
public enum DeactivationReasonCode
{
    /// <summary>It was idle for longer than its grain type's collection age.</summary>
    IdleTimeout,

    /// <summary>The silo held more activations than allowed and this was among the least recently used idle ones.</summary>
    ActivationLimitExceeded,

    /// <summary>The grain (or an operator) asked for it.</summary>
    ApplicationRequested,

    /// <summary>The silo is stopping.</summary>
    ShuttingDown,
}

/// <summary>Why an activation ended, with a human-readable description.</summary>
public readonly record struct DeactivationReason(DeactivationReasonCode Code, string Description);
