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

    [Fact]
    public async Task A_users_conversations_are_those_they_spoke_or_rated_in()
    {
        await Log.AppendAsync(Message("c1", 0, "hi"), CancellationToken.None);
        await Log.AppendAsync(Message("c2", 0, "hi") with { SpeakerId = "bob" }, CancellationToken.None);
        await Log.AppendAsync(Reply("c2", 1, "答え"), CancellationToken.None);
        await Log.AppendAsync(Reply("c3", 0, "答え") with { SpeakerId = "alice" }, CancellationToken.None);
        await Log.RateAsync(Rating("c2-1", "alice", FeedbackRating.Up, 1) with { ConversationId = "c2" }, CancellationToken.None);

        Assert.Equal(["c1", "c2"], await Log.ConversationsOfAsync("alice", CancellationToken.None));
        Assert.Equal(["c2"], await Log.ConversationsOfAsync("bob", CancellationToken.None));
        Assert.Empty(await Log.ConversationsOfAsync("mallory", CancellationToken.None));
    }

    [Fact]
    public async Task A_users_ratings_come_from_every_conversation_oldest_first()
    {
        var later = Rating("c1-0", "alice", FeedbackRating.Down, 5);
        var earlier = Rating("c2-0", "alice", FeedbackRating.Up, 1) with { ConversationId = "c2" };
        await Log.RateAsync(later, CancellationToken.None);
        await Log.RateAsync(earlier, CancellationToken.None);
        await Log.RateAsync(Rating("c1-0", "bob", FeedbackRating.Up, 2), CancellationToken.None);

        Assert.Equal([earlier, later], await Log.FeedbackByAsync("alice", CancellationToken.None));
    }

    [Fact]
    public async Task Erasing_a_human_redacts_what_they_said_and_the_replies_of_their_turns_and_deletes_their_ratings_there()
    {
        ChatMessage[] messages =
        [
            Message("c1", 0, "bob speaks") with { SpeakerId = "bob", SpeakerName = "ボブ" },
            Reply("c1", 1, "to bob"),
            Message("c1", 2, "私の犬の名前はポチです"),
            Reply("c1", 3, "ポチ！"),
            Reply("c1", 4, "follow-up") with { SpeakerId = "nox" },
            Message("c1", 5, "bob again") with { SpeakerId = "bob", SpeakerName = "ボブ" },
            Reply("c1", 6, "to bob again"),
        ];
        foreach (var message in messages)
        {
            await Log.AppendAsync(message, CancellationToken.None);
        }

        await Log.AppendAsync(Message("c2", 0, "elsewhere"), CancellationToken.None);
        await Log.RateAsync(Rating("c1-3", "alice", FeedbackRating.Up, 1), CancellationToken.None);
        await Log.RateAsync(Rating("c1-3", "bob", FeedbackRating.Up, 2), CancellationToken.None);
        await Log.RateAsync(Rating("c2-0", "alice", FeedbackRating.Up, 3) with { ConversationId = "c2" }, CancellationToken.None);

        Assert.Equal(3, await Log.EraseHumanAsync("c1", "alice", CancellationToken.None));

        var after = await Log.ReadAsync("c1", null, 100, CancellationToken.None);
        Assert.Equal(
            [
                messages[0], messages[1],
                messages[2] with { SpeakerId = ErasedHuman.Id, SpeakerName = ErasedHuman.Name, Content = string.Empty },
                messages[3] with { Content = string.Empty }, messages[4] with { Content = string.Empty },
                messages[5], messages[6],
            ],
            after);
        Assert.Equal(["bob"], (await Log.FeedbackAsync("c1-3", CancellationToken.None)).Select(f => f.UserId));
        Assert.Equal(["c2"], await Log.ConversationsOfAsync("alice", CancellationToken.None));
        Assert.Equal("elsewhere", (await Log.FindAsync("c2-0", CancellationToken.None))!.Content);
    }

    protected abstract Task<IConversationLog> CreateAsync();

    private static ChatMessage Reply(string conversationId, long index, string content) =>
        Message(conversationId, index, content) with { SpeakerKind = SpeakerKind.Character, SpeakerId = "lumina", SpeakerName = "ルミナ" };

    private static MessageFeedback Rating(string messageId, string userId, FeedbackRating rating, int second) =>
        new(messageId, "c1", "lumina", userId, rating, T0.AddSeconds(second));

    private static ChatMessage Message(string conversationId, long index, string content) =>
        new($"{conversationId}-{index}", conversationId, index, SpeakerKind.Human, "alice", "アリス", content, MessageStatus.Complete, T0.AddSeconds(index), T0.AddSeconds(index));
}
