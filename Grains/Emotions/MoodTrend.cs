namespace LlmMultiChat.Grains.Emotions;

/// <summary>The mood over the last window: its direction, the most frequent dominant emotion, and how many samples it rests on.</summary>
public sealed record MoodTrend(MoodDirection Direction, Emotion? MostFrequent, int SampleCount);
