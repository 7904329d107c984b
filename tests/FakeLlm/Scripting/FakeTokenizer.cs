namespace LlmMultiChat.FakeLlm.Scripting;

/// <summary>Splits text into word tokens that concatenate back to the text exactly (each token keeps its leading space).</summary>
public static class FakeTokenizer
{
    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            tokens.Add(text[start..i]);
            start = i;
        }

        return tokens;
    }

    /// <summary>Words in a text: the fake's token count for prompts.</summary>
    public static int Count(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
