using LlmMultiChat.Grains.Conversations;

namespace LlmMultiChat.Grains.Growth;

/// <summary>
/// Decides when a character reflects: every N turns, or at once on a 👎. Any reflection restarts the count, so a
/// 👎 at turn 9 does not bring a second reflection one turn later.
/// </summary>
public sealed class SelfReflectionTrigger
{
    private readonly ReflectionOptions _options;

    public SelfReflectionTrigger(ReflectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    public ReflectionDecision AfterTurn(int turnsSinceReflection)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(turnsSinceReflection);
        var turns = turnsSinceReflection + 1;
        return turns >= _options.EveryTurns ? new ReflectionDecision(0, ReflectionReason.TurnCount) : new ReflectionDecision(turns, null);
    }

    public static ReflectionDecision AfterFeedback(int turnsSinceReflection, FeedbackRating rating) => rating == FeedbackRating.Down
        ? new ReflectionDecision(0, ReflectionReason.ThumbsDown)
        : new ReflectionDecision(turnsSinceReflection, null);
}
