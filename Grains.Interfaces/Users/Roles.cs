namespace LlmMultiChat.Grains.Users;

/// <summary>The roles an account can hold (ARCHITECTURE §6, the upstream sets plus operator for human agents).</summary>
public static class Roles
{
    public const string Admin = "admin";

    /// <summary>A human agent who takes over conversations from the AI.</summary>
    public const string Operator = "operator";

    public const string Premium = "premium";

    public const string User = "user";

    /// <summary>May read what is shared with it, and change nothing.</summary>
    public const string Guest = "guest";

    public static IReadOnlyList<string> All { get; } = [Admin, Operator, Premium, User, Guest];

    /// <summary>Roles that may create and change things (every role but guest).</summary>
    public static IReadOnlyList<string> Writers { get; } = [Admin, Operator, Premium, User];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
