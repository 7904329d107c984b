namespace LlmMultiChat.Grains.Users;

/// <summary>An account as the directory lists it.</summary>
public sealed record UserSummary(
    string Id,
    string Username,
    string Email,
    IReadOnlyList<string> Roles,
    bool IsActive,
    DateTimeOffset CreatedAt);
