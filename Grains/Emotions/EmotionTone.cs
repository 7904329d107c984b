namespace LlmMultiChat.Grains.Emotions;

/// <summary>The tone instruction the dominant emotion adds to the prompt (upstream spec §4.4, S04's table).</summary>
public static class EmotionTone
{
    public static string Instruction(Emotion dominant) => dominant switch
    {
        Emotion.Joy => "明るく前向きなトーンで",
        Emotion.Sadness => "共感的で優しいトーンで",
        Emotion.Anger => "やや強めの言葉選びで",
        Emotion.Surprise => "好奇心を持って",
        Emotion.Trust => "温かく支持的なトーンで",
        _ => "自然なトーンで",
    };
}
