using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Conversations.Events;
using LlmMultiChat.Grains.Memory;
using LlmMultiChat.Grains.Users;
using Microsoft.Extensions.Logging;
using Silo.Reminders;

namespace LlmMultiChat.Grains.Conversations;

/// <summary>
/// The mid-term tier: the current thread (messages from <see cref="ConversationState.ThreadStart"/> on) is
/// summarised when it reaches <see cref="MidTermMemoryOptions.FlushAfterTurns"/> messages, or when the conversation
/// has been idle for <see cref="MidTermMemoryOptions.FlushWhenIdleFor"/> (a durable reminder, so an idle
/// conversation that was deactivated is still flushed). A flush never runs during a reply: it starts after a turn
/// ends, in the background, and the thread start moves only once its summary is stored.
/// </summary>
public sealed partial class ChatSessionGrain : IRemindable
{
    /// <summary>The reminder that flushes an idle thread.</summary>
    public const string IdleFlushReminder = "mid-term-flush";

    private Task _flushing = Task.CompletedTask;

    private long UnflushedTurns => _nextIndex - state.State.ThreadStart;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != IdleFlushReminder)
        {
            return;
        }

        if (state.State.Exists && UnflushedTurns > 0)
        {
            if (_turn is not null || (_history.LastOrDefault() is { } last && time.GetUtcNow() - last.CreatedAt < _midTerm.FlushWhenIdleFor))
            {
                return; // spoken to since the reminder was armed: it fires again a period later, and turns re-arm it
            }

            var upTo = _nextIndex;
            await (_flushing = AfterAsync(_flushing, () => FlushThreadAsync(upTo)));
        }

        if (await GetReminder(IdleFlushReminder) is { } reminder)
        {
            await UnregisterReminder(reminder);
        }
    }

    /// <summary>After a turn: flush a thread that is long enough, and (re)arm the idle flush for what is left.</summary>
    private async Task AfterTurnForMidTermAsync()
    {
        if (UnflushedTurns >= _midTerm.FlushAfterTurns)
        {
            var upTo = _nextIndex;
            var previous = _flushing;
            _flushing = RunInBackground(_ => AfterAsync(previous, () => FlushThreadAsync(upTo)));
        }

        try
        {
            await RegisterOrUpdateReminder(IdleFlushReminder, _midTerm.FlushWhenIdleFor, _midTerm.FlushWhenIdleFor);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFlushFailed(ex, Id); // the next turn arms it again
        }
    }

    /// <summary>
    /// Summarises the messages from the thread start up to (not including) <paramref name="upTo"/>, stores the
    /// summary for the humans who took part, lets each character consolidate what it kept of them, and moves the
    /// thread start. A failure is logged and leaves the thread as it was, to be flushed with the next one.
    /// </summary>
    private async Task FlushThreadAsync(long upTo)
    {
        var from = state.State.ThreadStart;
        if (upTo <= from)
        {
            return;
        }

        try
        {
            var thread = await log.ReadAsync(Id, upTo, (int)Math.Min(upTo - from, int.MaxValue), CancellationToken.None);
            thread = [.. thread.Where(m => m.Index >= from && m.Status != MessageStatus.Streaming)];
            var users = thread.Where(m => m.SpeakerKind == SpeakerKind.Human && m.SpeakerId != ErasedHuman.Id).Select(m => m.SpeakerId).Distinct(StringComparer.Ordinal).ToList();
            var characters = thread.Where(m => m.SpeakerKind == SpeakerKind.Character).Select(m => m.SpeakerId).Distinct(StringComparer.Ordinal).ToList();
            if (users.Count > 0)
            {
                var (text, keywords, vector) = await summarizer.SummarizeAsync(thread, CancellationToken.None);
                var now = time.GetUtcNow();
                var summary = new SessionSummary(
                    Guid.CreateVersion7(now).ToString("N"), Id, users, characters, text, keywords, embedder.Model, vector, from, upTo - 1, thread.Count, now);
                await summaries.AddAsync(summary, CancellationToken.None);
                await summaries.DeleteOlderThanAsync(now - _midTerm.Retention, CancellationToken.None);
                await Task.WhenAll(users.Select(u => User(u).SessionsChanged()));
                await Task.WhenAll(Conversation.Characters.Select(c => ConsolidateAsync(c.Id, users)));
                await ChangeStateAsync(s => s.ThreadStart = Math.Max(s.ThreadStart, upTo));
                await PublishAsync((seq, at) => new ThreadSummarized(Id, seq, at, summary.Id, summary.FirstIndex, summary.LastIndex));
                return;
            }

            await ChangeStateAsync(s => s.ThreadStart = Math.Max(s.ThreadStart, upTo));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFlushFailed(ex, Id);
        }
    }

    private async Task ConsolidateAsync(string characterId, IReadOnlyList<string> userIds)
    {
        try
        {
            foreach (var userId in userIds)
            {
                await GrainFactory.GetGrain<ICharacterGrain>(characterId).Consolidate(userId);
            }
        }
        catch (KeyNotFoundException)
        {
            // Deleted since it joined: nothing of it is left to consolidate.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not flush the current thread of conversation {ConversationId} to mid-term memory; it is flushed with the next one")]
    private partial void LogFlushFailed(Exception exception, string conversationId);
}
