namespace LlmMultiChat.Grains.Users;

/// <summary>A secret handed out once (a refresh or reset token) and when it stops working.</summary>
public sealed record IssuedToken(string Token, DateTimeOffset ExpiresAt);
