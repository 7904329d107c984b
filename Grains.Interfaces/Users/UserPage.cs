namespace LlmMultiChat.Grains.Users;

/// <summary>One page of accounts and how many there are in all.</summary>
public sealed record UserPage(IReadOnlyList<UserSummary> Users, int Total);
