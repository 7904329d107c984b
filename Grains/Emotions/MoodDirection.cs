namespace LlmMultiChat.Grains.Emotions;

/// <summary>Which way the mood went over the trend window, compared with the character's baseline.</summary>
public enum MoodDirection
{
    /// <summary>Too few samples to say (P4's "データ不足").</summary>
    Insufficient,
    Positive,
    Stable,
    Negative,
}
