namespace LlmMultiChat.Grains.Characters.Cards;

/// <summary>
/// A character card could not be imported (or a stored card could not be exported). <see cref="Code"/> is one of
/// <see cref="CharacterCardErrorCodes"/>; the message says what was wrong and where, in words a user can act on.
/// </summary>
public class CharacterCardException : Exception
{
    public CharacterCardException(string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    public CharacterCardException()
        : this(CharacterCardErrorCodes.BadJson, "The character card is malformed.")
    {
    }

    public CharacterCardException(string message)
        : this(CharacterCardErrorCodes.BadJson, message)
    {
    }

    public CharacterCardException(string message, Exception innerException)
        : this(CharacterCardErrorCodes.BadJson, message, innerException)
    {
    }

    /// <summary>One of <see cref="CharacterCardErrorCodes"/>.</summary>
    public string Code { get; }
}
