using System.Buffers.Binary;
using System.Text.Json;
using LlmMultiChat.Grains.Emotions;
using Microsoft.Extensions.Logging;

namespace LlmMultiChat.Grains.Characters;

/// <summary>A character: its persona (every change kept as a version, with who made it), visibility, avatar and emotions.</summary>
public sealed partial class CharacterGrain(
    [PersistentState("character")] IPersistentState<CharacterState> state,
    [PersistentState("avatar")] IPersistentState<AvatarState> avatar,
    [PersistentState("emotion")] IPersistentState<CharacterEmotionState> emotion,
    EmotionEngine emotions,
    TimeProvider time,
    ILogger<CharacterGrain> logger) : Grain, ICharacterGrain
{
    private Task _emotionWrites = Task.CompletedTask;

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
        await _emotionWrites;
        await emotion.ClearStateAsync();
        await state.ClearStateAsync();
        await GrainFactory.GetGrain<ICharacterDirectoryGrain>(ICharacterDirectoryGrain.Key).Remove(Id);
    }

    public Task<CharacterMood?> Mood() => Task.FromResult(state.State.Exists ? ToMood(emotions.Decay(CurrentEmotion())) : null);

    public Task<CharacterMood?> React(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _ = Current();
        var change = emotions.React(CurrentEmotion(), message);
        emotion.State = new CharacterEmotionState { Emotion = change.Emotion };
        // Written behind, in order: a reply must not wait on the disk for its character's mood, and a crash loses at
        // most the last few reactions of a state that decays toward its baseline anyway.
        _emotionWrites = WriteEmotionAfterAsync(_emotionWrites);
        return Task.FromResult(change.Deltas.Values.Any(delta => delta != 0) ? ToMood(change.Emotion) : null);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _emotionWrites;

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

    private CharacterEmotion CurrentEmotion() => emotion.State.Emotion ?? emotions.Start(EmotionBaselines.For(Id));

    private CharacterMood ToMood(CharacterEmotion current)
    {
        var dominant = emotions.Dominant(current);
        return new CharacterMood(
            EmotionState.All.ToDictionary(EmotionName, e => Math.Round(current.Current[e], 4)),
            EmotionName(dominant),
            EmotionTone.Instruction(dominant),
            emotions.Trend(current).Direction.ToString().ToLowerInvariant(),
            current.UpdatedAt);
    }

    private static string EmotionName(Emotion emotion) => JsonNamingPolicy.CamelCase.ConvertName(emotion.ToString());

    private async Task WriteEmotionAfterAsync(Task previous)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing);
        try
        {
            await emotion.WriteStateAsync();
        }
        catch (GrainStorageException ex)
        {
            LogEmotionNotSaved(ex, Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not save the emotions of character {CharacterId}; they stay in memory and are saved with the next change")]
    private partial void LogEmotionNotSaved(Exception exception, string characterId);

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
