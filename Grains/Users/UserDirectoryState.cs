namespace LlmMultiChat.Grains.Users;

/// <summary>The directory's stored state: every account's summary (the name indexes are rebuilt from it).</summary>
public sealed class UserDirectoryState
{
    public Dictionary<string, UserSummary> Users { get; set; } = new(StringComparer.Ordinal);
}
