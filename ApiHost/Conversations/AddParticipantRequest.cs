namespace LlmMultiChat.ApiHost.Conversations;

/// <param name="Username">The account to invite, by username (not email: an invitation must not confirm someone's address).</param>
public sealed record AddParticipantRequest(string Username);
