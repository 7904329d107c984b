namespace LlmMultiChat.Grains.Characters;

/// <summary>
/// The list of characters (a single grain, key <see cref="Key"/>): for listing and for resolving names and
/// aliases. Character grains keep it current.
/// </summary>
public interface ICharacterDirectoryGrain : IGrainWithStringKey
{
    const string Key = "all";

    Task Upsert(CharacterSummary character);

    Task Remove(string characterId);

    /// <summary>Characters <paramref name="viewerId"/> may see: public ones and their own (all of them when null).</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<CharacterSummary>> List(string? viewerId);

    /// <summary>The id of the character with this id, name or alias (case-insensitive), or null.</summary>
    [AlwaysInterleave]
    Task<string?> Resolve(string nameOrAlias);
}
