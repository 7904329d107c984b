namespace LlmMultiChat.Grains.Characters;

/// <summary>A character's emotions as of <paramref name="At"/>, the one setting its tone, and its mood over the last day.</summary>
/// <param name="Emotions">Plutchik's eight by camelCase name (joy, trust, fear, surprise, sadness, disgust, anger, anticipation), each in [0, 1].</param>
/// <param name="Dominant">The emotion setting the tone: the one risen furthest above the character's baseline, else the strongest.</param>
/// <param name="Tone">The instruction the dominant emotion adds to the character's prompt.</param>
/// <param name="Trend">The last 24 hours against the baseline: positive, negative, stable, or insufficient (too few messages).</param>
public sealed record CharacterMood(IReadOnlyDictionary<string, double> Emotions, string Dominant, string Tone, string Trend, DateTimeOffset At);
