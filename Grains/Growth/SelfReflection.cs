using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Conversations;

namespace LlmMultiChat.Grains.Growth;

/// <summary>
/// Rule-based self-reflection (upstream P5, spec §6.1): what a character learns from a stretch of conversation
/// with one user. A user asking for plainer, more detailed or shorter answers becomes a lesson about how to answer
/// that user; a reply the user rated 👎 becomes a lesson not to answer that kind of question that way again. Each
/// lesson keeps the user's words it came from as its situation, so it is recalled when they say something similar.
/// </summary>
public static class SelfReflection
{
    /// <summary>Phrases (lower case) asking for a kind of answer, and the lesson each teaches.</summary>
    private static readonly (string[] Phrases, string Lesson)[] s_requests =
    [
        (["わかりやすく", "分かりやすく", "簡単に説明", "やさしく説明", "simpler", "easier to understand", "plain language"], "専門用語を避け、わかりやすい言葉で説明する。"),
        (["詳しく", "くわしく", "詳細", "more detail", "in detail", "elaborate"], "要点だけでなく、理由や具体例まで詳しく説明する。"),
        (["短く", "簡潔に", "手短に", "shorter", "too long", "briefly"], "長くなりすぎないよう、短く簡潔に答える。"),
    ];

    /// <summary>Lessons from the user's messages in a stretch of conversation (oldest first), one per kind of request, from its latest occurrence.</summary>
    public static IReadOnlyList<NewLesson> FromRequests(IEnumerable<ChatMessage> userMessages)
    {
        ArgumentNullException.ThrowIfNull(userMessages);
        var lessons = new Dictionary<string, NewLesson>(StringComparer.Ordinal);
        foreach (var message in userMessages)
        {
            var text = message.Content.ToLowerInvariant();
            foreach (var (phrases, lesson) in s_requests)
            {
                if (phrases.Any(p => text.Contains(p, StringComparison.Ordinal)))
                {
                    lessons[lesson] = new NewLesson(lesson, message.Content);
                }
            }
        }

        return [.. lessons.Values];
    }

    /// <summary>The lesson of a reply rated 👎: the question it answered is the situation in which to answer differently.</summary>
    public static NewLesson FromDislikedReply(ChatMessage question, ChatMessage reply)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(reply);
        var excerpt = reply.Content.ReplaceLineEndings(" ");
        if (excerpt.Length > 80)
        {
            excerpt = string.Concat(excerpt.AsSpan(0, 80), "…");
        }

        return new NewLesson($"このような問いに「{excerpt}」と答えたら好まれなかった。別の答え方を試す。", question.Content);
    }
}
