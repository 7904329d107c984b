namespace LlmMultiChat.Grains.Emotions;

/// <summary>Plutchik's eight primary emotions, in his wheel's order (which also breaks ties for the dominant one).</summary>
public enum Emotion
{
    Joy,
    Trust,
    Fear,
    Surprise,
    Sadness,
    Disgust,
    Anger,
    Anticipation,
}
