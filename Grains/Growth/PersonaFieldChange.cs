namespace LlmMultiChat.Grains.Growth;

/// <summary>
/// One persona field that differs between two versions: before and after for a single value, the items added and
/// removed for a list (whose Before/After are then null).
/// </summary>
public sealed record PersonaFieldChange(string Field, string? Before, string? After, IReadOnlyList<string> Added, IReadOnlyList<string> Removed);
