namespace LlmMultiChat.Grains.Memory;

/// <summary>
/// The long-term tier's tables: the memories and lessons each character keeps of each user, one row each, so a
/// character with 100,000 memories writes one row per new memory, not all of them, and loads a user's rows only
/// when that user talks to it. Only a character's own grain writes its rows. Implementations: memory, SQLite
/// (Grains.Storage).
/// </summary>
public interface ICharacterMemoryStore
{
    /// <summary>What <paramref name="characterId"/> keeps of <paramref name="userId"/>, oldest first.</summary>
    Task<UserMemories> ReadAsync(string characterId, string userId, CancellationToken cancellationToken);

    /// <summary>Applies the changes of one character in one transaction: saved rows replace rows with the same id, deletions of absent ids are no-ops.</summary>
    Task SaveAsync(string characterId, MemoryChanges changes, CancellationToken cancellationToken);

    /// <summary>The characters that keep something of the user, by id (where an export or an erasure must look).</summary>
    Task<IReadOnlyList<string>> CharactersKeepingAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Deletes everything the character keeps (the character is deleted).</summary>
    Task DeleteCharacterAsync(string characterId, CancellationToken cancellationToken);
}
