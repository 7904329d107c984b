namespace LlmMultiChat.Grains.Users;

/// <summary>What registration supplies; the password is hashed by the user grain and never stored as given.</summary>
public sealed record NewAccount(string Username, string Email, string Password, IReadOnlyList<string> Roles);
