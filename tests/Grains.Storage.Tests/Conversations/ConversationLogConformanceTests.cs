using LlmMultiChat.Grains.Conversations;

namespace LlmMultiChat.Grains.Storage.Tests.Conversations;

/// <summary>What every IConversationLog does; each implementation runs the whole suite.</summary>
public abstract class ConversationLogConformanceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    protected IConversationLog Log { get; private set; } = null!;

    public async Task InitializeAsync() => Log = await CreateAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Appended_messages_read_back_equal_oldest_first()
    {
        var messages = Enumerable.Range(0, 5).Select(i => Message("c1", i, $"こんにちは {i} 👋 '; DROP TABLE x; -- <b>")).ToList();
        foreach (var message in messages)
        {
            await Log.AppendAsync(message, CancellationToken.None);
        }

        Assert.Equal(messages, await Log.ReadAsync("c1", null, 100, CancellationToken.None));
        Assert.Equal(5, await Log.NextIndexAsync("c1", CancellationToken.None));
        Assert.Equal(0, await Log.NextIndexAsync("unknown", CancellationToken.None));
    }

    [Fact]
    public async Task Reading_pages_back_from_an_index_gives_the_newest_before_it()
    {
        for (var i = 0; i < 10; i++)
        {
            await Log.AppendAsync(Message("c1", i, $"m{i}"), CancellationToken.None);
        }

        Assert.Equal([7, 8, 9], (await Log.ReadAsync("c1", null, 3, CancellationToken.None)).Select(m => m.Index));
        Assert.Equal([4, 5, 6], (await Log.ReadAsync("c1", 7, 3, CancellationToken.None)).Select(m => m.Index));
        Assert.Equal([0, 1], (await Log.ReadAsync("c1", 2, 3, CancellationToken.None)).Select(m => m.Index));
    }

    [Fact]
    public async Task Completing_a_reply_replaces_its_content_status_and_usage()
    {
        var started = Message("c1", 0, string.Empty) with { SpeakerKind = SpeakerKind.Character, Status = MessageStatus.Streaming };
        await Log.AppendAsync(started, CancellationToken.None);
        var usage = new ReplyUsage("ollama", "qwen2.5:3b", 120, 45, 12.5, 800.25, UsedFallback: true);
        var final = started with { Content = "答え", Status = MessageStatus.Complete, CompletedAt = T0.AddSeconds(3), Usage = usage };

        await Log.CompleteAsync(final, CancellationToken.None);

        Assert.Equal(final, Assert.Single(await Log.ReadAsync("c1", null, 10, CancellationToken.None)));
    }

    [Fact]
    public async Task Completing_a_message_that_is_not_there_fails()
    {
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Log.CompleteAsync(Message("c1", 0, "ghost"), CancellationToken.None));
    }

    [Fact]
    public async Task Appending_the_same_index_twice_fails_and_keeps_the_first()
    {
        await Log.AppendAsync(Message("c1", 0, "first"), CancellationToken.None);

        await Assert.ThrowsAnyAsync<Exception>(() => Log.AppendAsync(Message("c1", 0, "second"), CancellationToken.None));

        Assert.Equal("first", Assert.Single(await Log.ReadAsync("c1", null, 10, CancellationToken.None)).Content);
    }

    [Fact]
    public async Task Unfinished_replies_are_marked_failed_and_finished_ones_are_left_alone()
    {
        await Log.AppendAsync(Message("c1", 0, "done"), CancellationToken.None);
        await Log.AppendAsync(Message("c1", 1, string.Empty) with { Status = MessageStatus.Streaming }, CancellationToken.None);
        await Log.AppendAsync(Message("c2", 0, string.Empty) with { Status = MessageStatus.Streaming }, CancellationToken.None);

        Assert.Equal(1, await Log.FailUnfinishedAsync("c1", "cut off", T0.AddHours(1), CancellationToken.None));

        var messages = await Log.ReadAsync("c1", null, 10, CancellationToken.None);
        Assert.Equal([MessageStatus.Complete, MessageStatus.Failed], messages.Select(m => m.Status));
        Assert.Equal(("cut off", T0.AddHours(1)), (messages[1].Error, messages[1].CompletedAt));
        Assert.Equal(MessageStatus.Streaming, Assert.Single(await Log.ReadAsync("c2", null, 10, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Deleting_a_conversation_removes_its_messages_only()
    {
        await Log.AppendAsync(Message("c1", 0, "a"), CancellationToken.None);
        await Log.AppendAsync(Message("c2", 0, "b"), CancellationToken.None);

        await Log.DeleteAsync("c1", CancellationToken.None);

        Assert.Empty(await Log.ReadAsync("c1", null, 10, CancellationToken.None));
        Assert.Single(await Log.ReadAsync("c2", null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task A_message_is_found_by_its_id_in_whichever_conversation_holds_it()
    {
        await Log.AppendAsync(Message("c1", 0, "a"), CancellationToken.None);
        var reply = Message("c2", 0, string.Empty) with { SpeakerKind = SpeakerKind.Character, Status = MessageStatus.Streaming };
        await Log.AppendAsync(reply, CancellationToken.None);
        var final = reply with { Content = "完了", Status = MessageStatus.Complete, CompletedAt = T0.AddSeconds(9) };
        await Log.CompleteAsync(final, CancellationToken.None);

        Assert.Equal(final, await Log.FindAsync(reply.Id, CancellationToken.None));
        Assert.Null(await Log.FindAsync("no-such-message", CancellationToken.None));
    }

    [Fact]
    public async Task A_users_later_rating_of_a_message_replaces_their_earlier_one()
    {
        await Log.RateAsync(Rating("m1", "alice", FeedbackRating.Up, 1), CancellationToken.None);
        await Log.RateAsync(Rating("m1", "bob", FeedbackRating.Up, 2), CancellationToken.None);
        await Log.RateAsync(Rating("m2", "alice", FeedbackRating.Up, 3), CancellationToken.None);

        await Log.RateAsync(Rating("m1", "alice", FeedbackRating.Down, 4), CancellationToken.None);

        Assert.Equal([Rating("m1", "alice", FeedbackRating.Down, 4), Rating("m1", "bob", FeedbackRating.Up, 2)], await Log.FeedbackAsync("m1", CancellationToken.None));
        Assert.Equal([Rating("m2", "alice", FeedbackRating.Up, 3)], await Log.FeedbackAsync("m2", CancellationToken.None));
        Assert.Empty(await Log.FeedbackAsync("m3", CancellationToken.None));
    }

    [Fact]
    public async Task Deleting_a_conversation_removes_its_feedback_only()
    {
        await Log.AppendAsync(Message("c1", 0, "a"), CancellationToken.None);
        await Log.AppendAsync(Message("c2", 0, "b"), CancellationToken.None);
        await Log.RateAsync(Rating("c1-0", "alice", FeedbackRating.Up, 1), CancellationToken.None);
        await Log.RateAsync(Rating("c2-0", "alice", FeedbackRating.Up, 1) with { ConversationId = "c2" }, CancellationToken.None);

        await Log.DeleteAsync("c1", CancellationToken.None);

        Assert.Empty(await Log.FeedbackAsync("c1-0", CancellationToken.None));
        Assert.Single(await Log.FeedbackAsync("c2-0", CancellationToken.None));
        Assert.Null(await Log.FindAsync("c1-0", CancellationToken.None));
    }

    protected abstract Task<IConversationLog> CreateAsync();

    private static MessageFeedback Rating(string messageId, string userId, FeedbackRating rating, int second) =>
        new(messageId, "c1", "lumina", userId, rating, T0.AddSeconds(second));

    private static ChatMessage Message(string conversationId, long index, string content) =>
        new($"{conversationId}-{index}", conversationId, index, SpeakerKind.Human, "alice", "アリス", content, MessageStatus.Complete, T0.AddSeconds(index), T0.AddSeconds(index));
}
