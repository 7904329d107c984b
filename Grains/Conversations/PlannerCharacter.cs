namespace LlmMultiChat.Grains.Conversations;

/// <summary>What turn-taking needs to know of a character in the conversation.</summary>
public sealed record PlannerCharacter(string Id, string Name, IReadOnlyList<string> Aliases, IReadOnlyList<string> Keywords, double Talkativeness)
{
    /// <summary>Every name the character can be addressed by: id, name and aliases.</summary>
    public IEnumerable<string> Names => [Id, Name, .. Aliases];
}
