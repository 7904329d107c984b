namespace LlmMultiChat.Grains.Users;

/// <summary>The new account, or which name was already taken (then <see cref="User"/> is null).</summary>
public sealed record RegistrationResult(NameClaim Claim, UserProfile? User);
