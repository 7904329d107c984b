namespace LlmMultiChat.Grains.Users;

/// <summary>The user profile of the long-term tier: how often the user brought up each topic, and talked with each character.</summary>
/// <param name="Topics">Concept → times mentioned, most mentioned first.</param>
/// <param name="Characters">Character id → messages the user sent to a conversation the character was in.</param>
public sealed record InterestProfile(IReadOnlyDictionary<string, int> Topics, IReadOnlyDictionary<string, int> Characters);
