namespace LlmMultiChat.ApiHost.Tests.Characters;

/// <summary>The character a matrix cell's call is about.</summary>
public enum AccessSubject
{
    /// <summary>The route names no character (list, create, import).</summary>
    None,

    /// <summary>A private character of <see cref="Caller.Owner"/>.</summary>
    Private,

    /// <summary>A public character of <see cref="Caller.Owner"/>.</summary>
    Public,

    /// <summary>A built-in character, owned by "system" and seeded at startup.</summary>
    BuiltIn,
}
