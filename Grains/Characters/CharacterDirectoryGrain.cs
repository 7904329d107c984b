namespace LlmMultiChat.Grains.Characters;

/// <summary>The list of characters, for listing and for resolving a name or alias to an id.</summary>
public sealed class CharacterDirectoryGrain([PersistentState("directory")] IPersistentState<CharacterDirectoryState> state)
    : Grain, ICharacterDirectoryGrain
{
    public async Task Upsert(CharacterSummary character)
    {
        ArgumentNullException.ThrowIfNull(character);
        state.State.Characters[character.Id] = character;
        await state.WriteStateAsync();
    }

    public async Task Remove(string characterId)
    {
        if (state.State.Characters.Remove(characterId))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<CharacterSummary>> List(string? viewerId) =>
        Task.FromResult<IReadOnlyList<CharacterSummary>>(
        [
            .. state.State.Characters.Values
                .Where(c => viewerId is null || c.Visibility == CharacterVisibility.Public || c.OwnerId == viewerId)
                .OrderBy(c => c.Name, StringComparer.Ordinal),
        ]);

    public Task<string?> Resolve(string nameOrAlias)
    {
        var wanted = nameOrAlias.Trim().TrimStart('@');
        var match = state.State.Characters.Values.FirstOrDefault(c => string.Equals(c.Id, wanted, StringComparison.OrdinalIgnoreCase))
            ?? state.State.Characters.Values.FirstOrDefault(c =>
                string.Equals(c.Name, wanted, StringComparison.OrdinalIgnoreCase)
                || c.Aliases.Any(a => string.Equals(a, wanted, StringComparison.OrdinalIgnoreCase)));
        return Task.FromResult(match?.Id);
    }
}
