namespace LlmMultiChat.Grains.Emotions;

/// <summary>A word (or Japanese stem) that signals an emotion, with how strongly, 0..1.</summary>
public sealed record LexiconEntry(string Term, Emotion Emotion, double Intensity);
