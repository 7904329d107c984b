using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace LlmMultiChat.ApiHost.Characters;

/// <summary>
/// Character ids: lower-case, URL-safe, 2 to 64 characters. Clients may choose one; otherwise it is made from the
/// name ("Nova Star" → "nova-star"), or drawn at random when the name has no Latin letters or digits (ルミナ).
/// </summary>
public static partial class CharacterIds
{
    public const string Pattern = @"^[a-z0-9][a-z0-9_-]{1,63}\z";

    public const int MaxLength = 64;

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const int RandomLength = 12;
    private const int SuffixLength = 6;

    public static bool IsValid(string? id) => id is not null && ValidId().IsMatch(id);

    /// <summary>Null when <paramref name="id"/> is valid, else what is wrong with it.</summary>
    public static string? Problem(string id) =>
        IsValid(id) ? null : "id must be 2 to 64 characters of a-z, 0-9, '_' and '-', starting with a letter or digit.";

    /// <summary>
    /// The name's Latin letters and digits, lower-cased, with accents and full-width forms folded (Ｌｕｍｉｎａ,
    /// Zoë), every other run of characters a single '-'; null when that does not make a valid id.
    /// </summary>
    public static string? FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var slug = new StringBuilder(MaxLength);
        foreach (var c in name.Normalize(NormalizationForm.FormKD))
        {
            if (slug.Length == MaxLength)
            {
                break;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var id = slug.ToString().TrimEnd('-');
        return IsValid(id) ? id : null;
    }

    public static string Random() => RandomNumberGenerator.GetString(Alphabet, RandomLength);

    /// <summary><paramref name="id"/> with a random suffix, still within <see cref="MaxLength"/>: for a name whose id is taken.</summary>
    public static string WithRandomSuffix(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var stem = id.Length > MaxLength - SuffixLength - 1 ? id[..(MaxLength - SuffixLength - 1)].TrimEnd('-') : id;
        return $"{stem}-{RandomNumberGenerator.GetString(Alphabet, SuffixLength)}";
    }

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex ValidId();
}
