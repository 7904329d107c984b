namespace LlmMultiChat.Grains.Conversations;

/// <summary>
/// Turn-taking (ARCHITECTURE §6). Addressed characters answer in the order addressed: explicit ids, else
/// "@Name" / "@all" / a name or alias in the text. Otherwise the policy picks. A character picked by the policy is
/// never the one that spoke last when someone else can answer (no character twice in a row unless addressed).
/// After the planned replies, a "[Next: id]" hand-over, or under the natural policy a reply that names another
/// character, gives the turn to that character, up to the conversation's MaxAutoTurns.
/// </summary>
public sealed class TurnPlanner(IRandomSource random)
{
    private static readonly string[] s_everyone = ["all", "全員", "みんな"];

    /// <summary>Plans the answers to a human message.</summary>
    /// <param name="lastCharacterId">The character that spoke last before this message (null if none).</param>
    /// <param name="spokeLastTurn">Characters that answered the previous human message (for the pooled policy).</param>
    public TurnPlan Plan(
        string text,
        IReadOnlyList<string>? explicitIds,
        IReadOnlyList<PlannerCharacter> characters,
        TurnPolicy policy,
        string? lastCharacterId,
        IReadOnlyCollection<string> spokeLastTurn)
    {
        ArgumentNullException.ThrowIfNull(characters);
        if (characters.Count == 0)
        {
            return TurnPlan.Nobody;
        }

        if (explicitIds is { Count: > 0 })
        {
            return new TurnPlan([.. explicitIds.Distinct(StringComparer.Ordinal)], Addressed: true, Concurrent: false);
        }

        var addressed = Addressed(text, characters, excludeId: null);
        if (addressed.Count > 0)
        {
            return new TurnPlan(addressed, Addressed: true, Concurrent: false);
        }

        if (characters.Count == 1)
        {
            return policy == TurnPolicy.Manual ? TurnPlan.Nobody : new TurnPlan([characters[0].Id], Addressed: false, Concurrent: false);
        }

        // Everyone except the character that spoke last, unless nobody else is left.
        var others = characters.Where(c => c.Id != lastCharacterId).ToList();
        return policy switch
        {
            TurnPolicy.Manual => TurnPlan.Nobody,
            TurnPolicy.List => new TurnPlan(RotatedAfter(characters, lastCharacterId), Addressed: false, Concurrent: false),
            TurnPolicy.All => new TurnPlan([.. characters.Select(c => c.Id)], Addressed: false, Concurrent: true),
            TurnPolicy.Pooled => new TurnPlan([Pick(Pool(others, spokeLastTurn)).Id], Addressed: false, Concurrent: false),
            _ => new TurnPlan(Natural(text, others), Addressed: false, Concurrent: false),
        };
    }

    /// <summary>Who speaks after a reply, or null: the hand-over tag first, then (natural policy) a character the reply names.</summary>
    /// <param name="handOverTo">The raw value of a "[Next: ...]" tag in the reply, if any.</param>
    public static string? FollowUp(string speakerId, string replyText, string? handOverTo, IReadOnlyList<PlannerCharacter> characters, TurnPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(characters);
        if (handOverTo is not null)
        {
            var target = characters.FirstOrDefault(c => c.Names.Any(n => string.Equals(n, handOverTo.Trim().TrimStart('@'), StringComparison.OrdinalIgnoreCase)));
            if (target is not null && target.Id != speakerId)
            {
                return target.Id;
            }
        }

        return policy == TurnPolicy.Natural ? Addressed(replyText, characters, excludeId: speakerId).FirstOrDefault() : null;
    }

    /// <summary>
    /// Characters addressed in the text, in order of first appearance: "@all" means everyone in list order; "@Name"
    /// and plain names or aliases count (whole words for Latin-script names, anywhere for Japanese ones).
    /// </summary>
    internal static List<string> Addressed(string text, IReadOnlyList<PlannerCharacter> characters, string? excludeId)
    {
        if (s_everyone.Any(word => text.Contains("@" + word, StringComparison.OrdinalIgnoreCase)))
        {
            return [.. characters.Where(c => c.Id != excludeId).Select(c => c.Id)];
        }

        return
        [
            .. characters
                .Where(c => c.Id != excludeId)
                .Select(c => (c.Id, Position: c.Names.Select(name => FirstMention(text, name)).Where(p => p >= 0).DefaultIfEmpty(-1).Min()))
                .Where(c => c.Position >= 0)
                .OrderBy(c => c.Position)
                .Select(c => c.Id),
        ];
    }

    private static int FirstMention(string text, string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return -1;
        }

        for (var start = 0; start <= text.Length - name.Length;)
        {
            var at = text.IndexOf(name, start, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return -1;
            }

            var end = at + name.Length;
            var latin = IsWordChar(name[0]) && char.IsAscii(name[0]);
            var bounded = !latin || ((at == 0 || !IsWordChar(text[at - 1])) && (end == text.Length || !IsWordChar(text[end])));
            if (bounded)
            {
                return at;
            }

            start = at + 1;
        }

        return -1;
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static List<string> RotatedAfter(IReadOnlyList<PlannerCharacter> characters, string? lastCharacterId)
    {
        var last = characters.ToList().FindIndex(c => c.Id == lastCharacterId);
        return [.. characters.Skip(last + 1).Concat(characters.Take(last + 1)).Select(c => c.Id)];
    }

    private static List<PlannerCharacter> Pool(List<PlannerCharacter> candidates, IReadOnlyCollection<string> spokeLastTurn)
    {
        var fresh = candidates.Where(c => !spokeLastTurn.Contains(c.Id)).ToList();
        return fresh.Count > 0 ? fresh : candidates;
    }

    /// <summary>Keyword matches in order of appearance; else those whose talkativeness roll succeeds; else one at random.</summary>
    private List<string> Natural(string text, List<PlannerCharacter> candidates)
    {
        var byKeyword = candidates
            .Select(c => (c.Id, Position: c.Keywords.Select(k => text.IndexOf(k, StringComparison.OrdinalIgnoreCase)).Where(p => p >= 0).DefaultIfEmpty(-1).Min()))
            .Where(c => c.Position >= 0)
            .OrderBy(c => c.Position)
            .Select(c => c.Id)
            .ToList();
        if (byKeyword.Count > 0)
        {
            return byKeyword;
        }

        var talkative = candidates.Where(c => random.NextDouble() < c.Talkativeness).Select(c => c.Id).ToList();
        return talkative.Count > 0 ? talkative : [Pick(candidates).Id];
    }

    private PlannerCharacter Pick(List<PlannerCharacter> candidates) => candidates[random.NextInt(candidates.Count)];
}
