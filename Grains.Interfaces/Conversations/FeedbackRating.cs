namespace LlmMultiChat.Grains.Conversations;

/// <summary>A human's verdict on a character's reply (👍 / 👎); growth turns these into experience.</summary>
public enum FeedbackRating
{
    Up,
    Down,
}
