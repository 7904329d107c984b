namespace LlmMultiChat.Grains.Characters;

/// <summary>An update named a version that is no longer current: someone else changed the character meanwhile.</summary>
public sealed class CharacterVersionConflictException : Exception
{
    public CharacterVersionConflictException(string characterId, int expectedVersion, int currentVersion)
        : base($"Character {characterId} is at version {currentVersion}, not {expectedVersion}; reload it and apply the change again.")
    {
        ExpectedVersion = expectedVersion;
        CurrentVersion = currentVersion;
    }

    public CharacterVersionConflictException()
    {
    }

    public CharacterVersionConflictException(string message)
        : base(message)
    {
    }

    public CharacterVersionConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int ExpectedVersion { get; }

    public int CurrentVersion { get; }
}
