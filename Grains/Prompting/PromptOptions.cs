namespace LlmMultiChat.Grains.Prompting;

/// <summary>Every number that shapes a prompt, with its default. Bound from the "Prompting" configuration section.</summary>
public sealed class PromptOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Prompting";

    /// <summary>
    /// How many of the most recent messages (with content) go into a prompt; the caller may pass more. Older ones reach
    /// the character through its memories instead.
    /// </summary>
    public int HistoryLimit { get; set; } = 12;

    /// <summary>
    /// Most stop sequences a prompt carries, most important first (the participants who spoke last). 4 by default
    /// because OpenAI's chat API rejects more than 4; a deployment that only talks to Ollama may raise it. Names beyond
    /// the cap are still caught by <see cref="ReplyFilter"/>, one token later. 0 sends none.
    /// </summary>
    public int MaxStopSequences { get; set; } = 4;

    /// <summary>Validates the options; throws with a message naming the bad one.</summary>
    /// <exception cref="InvalidOperationException">An option is out of range.</exception>
    public void Validate()
    {
        if (HistoryLimit < 1)
        {
            throw new InvalidOperationException($"{SectionName}:{nameof(HistoryLimit)} must be at least 1 (it is {HistoryLimit}).");
        }

        if (MaxStopSequences < 0)
        {
            throw new InvalidOperationException($"{SectionName}:{nameof(MaxStopSequences)} must not be negative (it is {MaxStopSequences}).");
        }
    }
}
