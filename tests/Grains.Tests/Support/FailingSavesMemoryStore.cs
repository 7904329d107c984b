using LlmMultiChat.Grains.Memory;

namespace LlmMultiChat.Grains.Tests.Support;

/// <summary>The memory store whose saves can be made to fail, as a locked or full database would.</summary>
internal sealed class FailingSavesMemoryStore : ICharacterMemoryStore
{
    private readonly MemoryCharacterMemoryStore _inner = new();

    public bool FailSaves { get; set; }

    public Task<UserMemories> ReadAsync(string characterId, string userId, CancellationToken cancellationToken) =>
        _inner.ReadAsync(characterId, userId, cancellationToken);

    public Task SaveAsync(string characterId, MemoryChanges changes, CancellationToken cancellationToken) =>
        FailSaves ? throw new GrainStorageException("The test made saves fail.") : _inner.SaveAsync(characterId, changes, cancellationToken);

    public Task<IReadOnlyList<string>> CharactersKeepingAsync(string userId, CancellationToken cancellationToken) =>
        _inner.CharactersKeepingAsync(userId, cancellationToken);

    public Task DeleteCharacterAsync(string characterId, CancellationToken cancellationToken) =>
        _inner.DeleteCharacterAsync(characterId, cancellationToken);
}
