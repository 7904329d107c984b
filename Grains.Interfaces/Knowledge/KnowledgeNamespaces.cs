using System.Text.RegularExpressions;

namespace LlmMultiChat.Grains.Knowledge;

/// <summary>
/// Knowledge namespace ids: lower-case, URL-safe, 2 to 64 characters. The upstream categories (<c>kb:movie</c>,
/// <c>kb:history</c>, ...) are used without their <c>kb:</c> prefix; any other id that fits is a custom namespace.
/// </summary>
public static partial class KnowledgeNamespaces
{
    // \z, not $: $ would also accept the id followed by a line break.
    public const string Pattern = @"^[a-z0-9][a-z0-9_-]{1,63}\z";

    public static bool IsValid(string? id) => id is not null && ValidId().IsMatch(id);

    /// <summary>Null when <paramref name="id"/> is valid, else what is wrong with it.</summary>
    public static string? Problem(string? id) =>
        IsValid(id) ? null : "A knowledge namespace is 2 to 64 characters of a-z, 0-9, '_' and '-', starting with a letter or digit.";

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex ValidId();
}
