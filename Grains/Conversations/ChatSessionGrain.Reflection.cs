using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Growth;
using Microsoft.Extensions.Logging;

namespace LlmMultiChat.Grains.Conversations;

/// <summary>
/// Self-reflection: a character reflects on the conversation every <see cref="ReflectionOptions.EveryTurns"/>
/// turns it replied in, and at once when a reply of its is rated 👎 (<see cref="SelfReflectionTrigger"/>); what it
/// learns (<see cref="SelfReflection"/>) is kept per user and recalled in similar situations. The turn count lives
/// in the activation: a conversation that is deactivated starts counting again.
/// </summary>
public sealed partial class ChatSessionGrain
{
    private readonly Dictionary<string, int> _turnsSinceReflection = new(StringComparer.Ordinal);

    /// <summary>After a turn: each character that replied counts it, and reflects on the humans' recent messages when its count is reached.</summary>
    private async Task ReflectAfterTurnAsync(IEnumerable<string> spoke)
    {
        foreach (var characterId in spoke)
        {
            var decision = reflection.AfterTurn(_turnsSinceReflection.GetValueOrDefault(characterId));
            _turnsSinceReflection[characterId] = decision.TurnsSinceReflection;
            if (decision.Reflect is not null)
            {
                await ReflectAsync(characterId, null);
            }
        }
    }

    /// <summary>
    /// The character reflects on what each human in the recent history asked of it and, for a 👎, on the rated reply
    /// and the question it answered; the lessons are kept for the human they concern. Failures are logged: a
    /// reflection is never worth failing a turn or a rating for.
    /// </summary>
    private async Task ReflectAsync(string characterId, (string UserId, ChatMessage Reply)? disliked)
    {
        _turnsSinceReflection[characterId] = 0;
        var lessonsByUser = _history.Where(m => m.SpeakerKind == SpeakerKind.Human)
            .GroupBy(m => m.SpeakerId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => SelfReflection.FromRequests(g).ToList(), StringComparer.Ordinal);
        try
        {
            if (disliked is { } rated && await QuestionBeforeAsync(rated.Reply, rated.UserId) is { } question)
            {
                lessonsByUser.TryAdd(rated.UserId, []);
                lessonsByUser[rated.UserId].Add(SelfReflection.FromDislikedReply(question, rated.Reply));
            }

            var character = GrainFactory.GetGrain<ICharacterGrain>(characterId);
            foreach (var (userId, lessons) in lessonsByUser.Where(l => l.Value.Count > 0))
            {
                await character.KeepLessons(userId, lessons);
            }
        }
        catch (KeyNotFoundException)
        {
            // Deleted since it replied: nothing is left to learn.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogReflectionFailed(ex, Id, characterId);
        }
    }

    /// <summary>The message of <paramref name="userId"/> (else of any human) that <paramref name="reply"/> answered: the latest before it.</summary>
    private async Task<ChatMessage?> QuestionBeforeAsync(ChatMessage reply, string userId)
    {
        var before = await log.ReadAsync(Id, reply.Index, _options.HistoryWindow, CancellationToken.None);
        var humans = before.Where(m => m.SpeakerKind == SpeakerKind.Human).ToList();
        return humans.LastOrDefault(m => m.SpeakerId == userId) ?? humans.LastOrDefault();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Character {CharacterId} could not reflect on conversation {ConversationId}")]
    private partial void LogReflectionFailed(Exception exception, string conversationId, string characterId);
}
