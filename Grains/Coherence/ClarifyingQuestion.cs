namespace LlmMultiChat.Grains.Coherence;

/// <summary>What a character asks when the user seems to contradict themselves.</summary>
public static class ClarifyingQuestion
{
    /// <summary>P5's template for Japanese; the same question in English when the user writes English.</summary>
    public static string For(string earlier, string statement) => statement.Any(IsJapanese)
        ? $"以前「{earlier}」とおっしゃっていましたが、今回は「{statement}」とのこと。お考えが変わられたのでしょうか？"
        : $"Earlier you said \"{earlier}\", but now \"{statement}\". Have you changed your mind?";

    private static bool IsJapanese(char c) => c is (>= '\u3040' and <= '\u30FF') or (>= '\u4E00' and <= '\u9FFF');
}
