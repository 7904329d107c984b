using System.Text;
using LlmMultiChat.Grains.Characters;

namespace LlmMultiChat.Grains.Prompting;

/// <summary>
/// Picks a persona's template as seed 003 does: customer support, then teacher, then engineer (the first of these the
/// roles contain, in that order), else default; "casual_" in front when the personalities include both friendly and
/// casual. Role and personality names match in Japanese or English, ignoring case, width, and "_" / "-" / spaces.
/// </summary>
internal static class PromptTemplateSelector
{
    public const string Default = "default";
    public const string CasualPrefix = "casual_";

    // Checked in this order, as the seed's if/elif chain.
    private static readonly (string Template, string[] RoleNames)[] RoleTemplates =
    [
        ("customer_support", ["カスタマーサポート", "customer support"]),
        ("teacher", ["教師", "teacher"]),
        ("engineer", ["エンジニア", "engineer"]),
    ];

    private static readonly string[] FriendlyNames = ["フレンドリー", "friendly"];
    private static readonly string[] CasualNames = ["カジュアル", "casual"];

    /// <summary>The template the roles and personalities choose (the persona's own <c>PromptTemplate</c> is not looked at).</summary>
    public static string Select(Persona persona)
    {
        var roles = persona.Roles.Select(Normalize).ToHashSet(StringComparer.Ordinal);
        var template = Default;
        foreach (var (name, roleNames) in RoleTemplates)
        {
            if (roleNames.Any(roles.Contains))
            {
                template = name;
                break;
            }
        }

        var personalities = persona.Personalities.Select(Normalize).ToHashSet(StringComparer.Ordinal);
        var casual = FriendlyNames.Any(personalities.Contains) && CasualNames.Any(personalities.Contains);
        return casual ? CasualPrefix + template : template;
    }

    // "Customer_Support", "ｃｕｓｔｏｍｅｒ　support" and "customer-support" all become "customer support".
    private static string Normalize(string name)
    {
        var folded = name.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            var separator = c is '_' or '-' || char.IsWhiteSpace(c);
            if (!separator)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().TrimEnd();
    }
}
