namespace LlmMultiChat.Grains.Characters;

/// <summary>One version of a persona, kept when it was replaced: what it was, who changed it and when.</summary>
public sealed record PersonaVersion(int Version, Persona Persona, string ChangedBy, DateTimeOffset ChangedAt);
