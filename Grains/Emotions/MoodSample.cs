namespace LlmMultiChat.Grains.Emotions;

/// <summary>
/// The mood after one appraised message, kept compact (not a copy of all eight values): the dominant emotion and
/// joy − sadness, which is all the trend needs.
/// </summary>
public sealed record MoodSample(DateTimeOffset At, Emotion Dominant, double Balance);
