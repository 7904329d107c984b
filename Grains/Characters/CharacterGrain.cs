using System.Buffers.Binary;

namespace LlmMultiChat.Grains.Characters;

/// <summary>A character: its persona (every change kept as a version, with who made it), visibility and avatar.</summary>
public sealed class CharacterGrain(
    [PersistentState("character")] IPersistentState<CharacterState> state,
    [PersistentState("avatar")] IPersistentState<AvatarState> avatar,
    TimeProvider time) : Grain, ICharacterGrain
{
    /// <summary>The largest avatar accepted, in bytes.</summary>
    public const int MaxAvatarBytes = 8 << 20;

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private string Id => GetPrimaryKeyString();

    public Task<CharacterProfile?> Profile() => Task.FromResult(state.State.Exists ? ToProfile() : null);

    public async Task<CharacterProfile> Create(Persona persona, string ownerId, CharacterVisibility visibility)
    {
        PersonaRules.Validate(persona);
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerId);
        if (state.State.Exists)
        {
            throw new InvalidOperationException($"Character {Id} already exists.");
        }

        var now = time.GetUtcNow();
        await state.ReplaceStateAsync(new CharacterState
        {
            Exists = true,
            OwnerId = ownerId,
            Visibility = visibility,
            CreatedAt = now,
            Versions = [new PersonaVersion(1, persona, ownerId, now)],
        });
        await PublishToDirectory();
        return ToProfile();
    }

    public async Task<CharacterProfile> Update(Persona persona, string changedBy, int? expectedVersion = null)
    {
        PersonaRules.Validate(persona);
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        var current = Current();
        if (expectedVersion is { } expected && expected != current.Version)
        {
            throw new CharacterVersionConflictException(Id, expected, current.Version);
        }

        var next = state.State.Copy();
        next.Versions.Add(new PersonaVersion(current.Version + 1, persona, changedBy, time.GetUtcNow()));
        await state.ReplaceStateAsync(next);
        await PublishToDirectory();
        return ToProfile();
    }

    public async Task<CharacterProfile> SetVisibility(CharacterVisibility visibility, string changedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        var current = Current();
        var next = state.State.Copy();
        next.Visibility = visibility;
        next.Versions.Add(current with { Version = current.Version + 1, ChangedBy = changedBy, ChangedAt = time.GetUtcNow() });
        await state.ReplaceStateAsync(next);
        await PublishToDirectory();
        return ToProfile();
    }

    public Task<IReadOnlyList<PersonaVersion>> Versions() =>
        Task.FromResult<IReadOnlyList<PersonaVersion>>(state.State.Exists ? [.. state.State.Versions] : []);

    public async Task SetAvatar(byte[]? png, string changedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        Current();
        if (png is not null)
        {
            ValidatePng(png);
        }

        var previousAvatar = avatar.State;
        avatar.State = new AvatarState { Png = png is null ? null : [.. png] };
        try
        {
            await avatar.WriteStateAsync();
        }
        catch
        {
            avatar.State = previousAvatar;
            throw;
        }

        var next = state.State.Copy();
        next.HasAvatar = png is not null;
        await state.ReplaceStateAsync(next);
    }

    public Task<byte[]?> Avatar() => Task.FromResult(state.State.Exists && avatar.State.Png is { } png ? (byte[]?)[.. png] : null);

    public async Task Delete(string deletedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deletedBy);
        if (!state.State.Exists)
        {
            return;
        }

        await avatar.ClearStateAsync();
        await state.ClearStateAsync();
        await GrainFactory.GetGrain<ICharacterDirectoryGrain>(ICharacterDirectoryGrain.Key).Remove(Id);
    }

    private static void ValidatePng(byte[] png)
    {
        if (png.Length > MaxAvatarBytes)
        {
            throw new ArgumentException($"The avatar is {png.Length} bytes; the limit is {MaxAvatarBytes}.", nameof(png));
        }

        // Signature, then an IHDR chunk: enough to refuse what is not a PNG without decoding images here.
        if (png.Length < 33 || !png.AsSpan(0, 8).SequenceEqual(PngSignature)
            || BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(8)) != 13 || !png.AsSpan(12, 4).SequenceEqual("IHDR"u8))
        {
            throw new ArgumentException("The avatar is not a PNG image.", nameof(png));
        }
    }

    private PersonaVersion Current() =>
        state.State.Exists ? state.State.Versions[^1] : throw new KeyNotFoundException($"Character {Id} does not exist.");

    private CharacterProfile ToProfile()
    {
        var current = Current();
        var first = state.State.Versions[0];
        return new CharacterProfile(Id, current.Persona, state.State.OwnerId, state.State.Visibility, current.Version, first.ChangedAt, current.ChangedAt, current.ChangedBy, state.State.HasAvatar);
    }

    private Task PublishToDirectory()
    {
        var persona = Current().Persona;
        return GrainFactory.GetGrain<ICharacterDirectoryGrain>(ICharacterDirectoryGrain.Key)
            .Upsert(new CharacterSummary(Id, persona.Name, persona.Aliases, state.State.OwnerId, state.State.Visibility));
    }
}
