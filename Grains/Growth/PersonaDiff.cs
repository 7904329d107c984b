using System.Globalization;
using System.Reflection;
using System.Text;
using LlmMultiChat.Grains.Characters;

namespace LlmMultiChat.Grains.Growth;

/// <summary>
/// A reviewable diff of two persona versions (ARCHITECTURE §6: every persona change is versioned with a diff). It
/// walks the persona's properties, so a field added to <see cref="Persona"/> later shows up without touching this.
/// </summary>
public static class PersonaDiff
{
    private static readonly PropertyInfo[] Fields = typeof(Persona).GetProperties(BindingFlags.Public | BindingFlags.Instance);

    public static IReadOnlyList<PersonaFieldChange> Compare(Persona before, Persona after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return [.. Fields.Select(f => Change(f, f.GetValue(before), f.GetValue(after))).OfType<PersonaFieldChange>()];
    }

    /// <summary>One line per change: "Name: \"a\" → \"b\"", "Tools: + web_search, − fact_checker".</summary>
    public static string ToText(IReadOnlyList<PersonaFieldChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var text = new StringBuilder();
        foreach (var change in changes)
        {
            var detail = change.Before is null && change.After is null
                ? string.Join(", ", change.Added.Select(a => $"+ {a}").Concat(change.Removed.Select(r => $"− {r}")))
                : $"{Quote(change.Before)} → {Quote(change.After)}";
            text.Append(change.Field).Append(": ").AppendLine(detail);
        }

        return text.ToString();
    }

    private static PersonaFieldChange? Change(PropertyInfo field, object? before, object? after)
    {
        if (before is IReadOnlyList<string> oldItems && after is IReadOnlyList<string> newItems)
        {
            var added = newItems.Except(oldItems, StringComparer.Ordinal).ToList();
            var removed = oldItems.Except(newItems, StringComparer.Ordinal).ToList();
            return (added.Count, removed.Count) switch
            {
                (0, 0) when oldItems.SequenceEqual(newItems) => null,
                // Only the order changed (the first greeting is the default one): show both orders.
                (0, 0) => new PersonaFieldChange(field.Name, string.Join(", ", oldItems), string.Join(", ", newItems), [], []),
                _ => new PersonaFieldChange(field.Name, null, null, added, removed),
            };
        }

        return Equals(before, after) ? null : new PersonaFieldChange(field.Name, Format(before), Format(after), [], []);
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        // Its ToString is "provider:model"; a review must also see the sampling settings change.
        ModelBinding model => $"{model} (temperature {Format(model.Temperature) ?? "default"}, top_p {Format(model.TopP) ?? "default"}, max_tokens {Format(model.MaxTokens) ?? "default"})",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string Quote(string? value) => value is null ? "(none)" : $"\"{value}\"";
}
