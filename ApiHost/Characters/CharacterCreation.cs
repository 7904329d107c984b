using LlmMultiChat.ApiHost.Http;
using LlmMultiChat.Grains.Characters;

namespace LlmMultiChat.ApiHost.Characters;

/// <summary>
/// Creates a character, from the editor or from an imported card: picks its id, refuses a taken one, and stores
/// the avatar with it, so a character either exists with everything it was created with or not at all.
/// </summary>
public static class CharacterCreation
{
    /// <param name="requestedId">The id the client chose (already validated), or null to make one from the name.</param>
    /// <exception cref="ApiException">409 when <paramref name="requestedId"/> is taken.</exception>
    public static async Task<CharacterProfile> CreateAsync(
        IGrainFactory grains,
        string? requestedId,
        Persona persona,
        CharacterVisibility visibility,
        byte[]? avatar,
        string ownerId)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(persona);
        var id = requestedId ?? await FreeIdForAsync(grains, persona.Name).ConfigureAwait(false);
        var character = grains.GetGrain<ICharacterGrain>(id);
        if (await character.Profile().ConfigureAwait(false) is not null)
        {
            throw Taken(id);
        }

        CharacterProfile created;
        try
        {
            created = await character.Create(persona, ownerId, visibility).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // The grain's answer when the id was taken between the check above and now.
            throw Taken(id);
        }

        if (avatar is null)
        {
            return created;
        }

        try
        {
            await character.SetAvatar(avatar, ownerId).ConfigureAwait(false);
        }
        catch
        {
            // Half a character (a card without its image) is worse than none: the client can simply retry.
            await character.Delete(ownerId).ConfigureAwait(false);
            throw;
        }

        return await character.Profile().ConfigureAwait(false) ?? throw new KeyNotFoundException($"Character {id} was deleted while it was being created.");
    }

    private static async Task<string> FreeIdForAsync(IGrainFactory grains, string name)
    {
        if (CharacterIds.FromName(name) is not { } fromName)
        {
            return CharacterIds.Random();
        }

        return await grains.GetGrain<ICharacterGrain>(fromName).Profile().ConfigureAwait(false) is null
            ? fromName
            : CharacterIds.WithRandomSuffix(fromName);
    }

    private static ApiException Taken(string id) => new(ApiErrors.Conflict, $"A character with id '{id}' already exists; choose another id.");
}
