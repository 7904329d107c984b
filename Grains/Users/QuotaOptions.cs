namespace LlmMultiChat.Grains.Users;

/// <summary>
/// Daily LLM token quotas by role (configuration section "Quotas"): <c>Quotas:DailyTokens:{role}</c>. A negative
/// number means unlimited; a role without an entry gets nothing. An account with several roles gets the largest.
/// </summary>
public sealed class QuotaOptions
{
    public const string SectionName = "Quotas";

    public Dictionary<string, long> DailyTokens { get; set; } = new(StringComparer.Ordinal)
    {
        [Roles.Admin] = -1,
        [Roles.Operator] = 2_000_000,
        [Roles.Premium] = 2_000_000,
        [Roles.User] = 200_000,
        [Roles.Guest] = 0,
    };

    /// <summary>The daily limit for these roles; null when unlimited.</summary>
    public long? LimitFor(IEnumerable<string> roles)
    {
        long best = 0;
        foreach (var role in roles)
        {
            if (DailyTokens.TryGetValue(role, out var limit))
            {
                if (limit < 0)
                {
                    return null;
                }

                best = Math.Max(best, limit);
            }
        }

        return best;
    }

    public void Validate()
    {
        var unknown = DailyTokens.Keys.FirstOrDefault(role => !Roles.IsKnown(role));
        if (unknown is not null)
        {
            throw new InvalidOperationException($"Quotas:DailyTokens:{unknown} names no role; roles are {string.Join(", ", Roles.All)}.");
        }
    }
}
