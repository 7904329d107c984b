namespace LlmMultiChat.Grains.Users;

/// <summary>Today's token use (days are UTC). <see cref="Limit"/> null means unlimited.</summary>
public sealed record QuotaStatus(long? Limit, long Used, DateTimeOffset ResetsAt)
{
    /// <summary>Tokens left today; null when unlimited.</summary>
    public long? Remaining => Limit is { } limit ? Math.Max(0, limit - Used) : null;

    public bool IsExhausted => Limit is { } limit && Used >= limit;
}
