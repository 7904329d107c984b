namespace LlmMultiChat.Grains.Growth;

/// <summary>What a character is measured by (upstream spec §6.5, S03's KPIs; topic expertise is not counted yet).</summary>
public enum GrowthKpi
{
    /// <summary>A 👍 on one of its replies.</summary>
    ThumbsUp,

    /// <summary>A 👎 on one of its replies.</summary>
    ThumbsDown,

    /// <summary>A recommendation the user acted on (upstream: a recommended movie added to the playlist).</summary>
    AnswerHit,

    /// <summary>A search result of the character's that was used.</summary>
    SearchSuccess,

    /// <summary>A conversation the character took part in.</summary>
    Conversation,
}
