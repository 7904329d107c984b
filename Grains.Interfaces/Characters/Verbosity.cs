namespace LlmMultiChat.Grains.Characters;

/// <summary>How long a character's replies tend to be (the upstream short / medium / long).</summary>
public enum Verbosity
{
    Brief,
    Medium,
    Detailed,
}
