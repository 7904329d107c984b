namespace LlmMultiChat.Grains.Prompting;

/// <summary>
/// Stop sequences that end a reply where the model starts a line for someone else: <c>"\n" + name + ":"</c> and the
/// full-width <c>"："</c> form, for every other participant's name and alias. Ordered by how likely the model is to
/// write them, so a cap keeps the useful ones: display names with ":" (the form the history uses), the most recent
/// speakers first; then display names with "："; then aliases.
/// </summary>
internal static class StopSequences
{
    public static IReadOnlyList<string> For(PromptContext context, int max)
    {
        var participants = ParticipantNames.OthersByRecency(context);
        var ordered = participants.Select(names => "\n" + names[0] + ":")
            .Concat(participants.Select(names => "\n" + names[0] + "："))
            .Concat(participants.SelectMany(names => names.Skip(1)).SelectMany(alias => ReplyFilter.Colons.Select(colon => "\n" + alias + colon)));
        return [.. ordered.Take(max)];
    }
}
