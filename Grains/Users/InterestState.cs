namespace LlmMultiChat.Grains.Users;

/// <summary>The user's interest profile, as stored: topic and character counts.</summary>
public sealed class InterestState
{
    public Dictionary<string, int> Topics { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> Characters { get; set; } = new(StringComparer.Ordinal);
}
