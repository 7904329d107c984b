using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Conversations;

namespace LlmMultiChat.Grains.Prompting;

/// <summary>
/// The names a reply may be prefixed with: the speaker's own (name and aliases) and everyone else's (other characters'
/// names and aliases, humans' names). Trimmed, without blanks or duplicates (ignoring case); a name the speaker also
/// answers to is the speaker's, never another's.
/// </summary>
internal static class ParticipantNames
{
    public static IReadOnlyList<string> Own(Persona speaker) => Distinct([speaker.Name, .. speaker.Aliases], exclude: null);

    /// <summary>Everyone else's names, the participants who spoke most recently first, then the rest in the context's order.</summary>
    public static IReadOnlyList<string> Others(PromptContext context) => [.. OthersByRecency(context).SelectMany(names => names)];

    /// <summary>
    /// Each other participant's names (the display name first, then aliases): those who spoke most recently first, then
    /// the rest in the context's order (characters, then humans). Participants left without a name of their own are left out.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> OthersByRecency(PromptContext context)
    {
        var seen = new HashSet<string>(Own(context.Speaker), StringComparer.OrdinalIgnoreCase);
        var result = new List<IReadOnlyList<string>>();
        foreach (var names in ParticipantsByRecency(context))
        {
            var distinct = Distinct(names, seen);
            if (distinct.Length > 0)
            {
                result.Add(distinct);
                seen.UnionWith(distinct);
            }
        }

        return result;
    }

    private static IEnumerable<IEnumerable<string>> ParticipantsByRecency(PromptContext context)
    {
        var characters = context.OtherCharacters.ToDictionary(c => c.Id, c => (IEnumerable<string>)[c.Name, .. c.Aliases], StringComparer.Ordinal);
        var humans = context.Humans.ToDictionary(h => h.Id, h => (IEnumerable<string>)[h.Name], StringComparer.Ordinal);
        for (var i = context.History.Count - 1; i >= 0 && (characters.Count > 0 || humans.Count > 0); i--)
        {
            var message = context.History[i];
            var participants = message.SpeakerKind switch
            {
                SpeakerKind.Character when message.SpeakerId != context.SpeakerId => characters,
                SpeakerKind.Human => humans,
                _ => null,
            };
            if (participants is not null && participants.Remove(message.SpeakerId, out var names))
            {
                yield return names;
            }
        }

        foreach (var character in context.OtherCharacters)
        {
            if (characters.Remove(character.Id, out var names))
            {
                yield return names;
            }
        }

        foreach (var human in context.Humans)
        {
            if (humans.Remove(human.Id, out var names))
            {
                yield return names;
            }
        }
    }

    private static string[] Distinct(IEnumerable<string?> names, HashSet<string>? exclude)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        foreach (var name in names)
        {
            var trimmed = name?.Trim();
            if (!string.IsNullOrEmpty(trimmed) && exclude?.Contains(trimmed) != true && seen.Add(trimmed))
            {
                result.Add(trimmed);
            }
        }

        return [.. result];
    }
}
