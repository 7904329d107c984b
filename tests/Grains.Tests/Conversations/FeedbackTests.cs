using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Tests.Conversations.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LlmMultiChat.Grains.Tests.Conversations;

/// <summary>Participants rate characters' replies: one rating per user per reply, the latest kept, in the message log's store.</summary>
public sealed class FeedbackTests
{
    [Fact]
    public async Task A_participants_rating_is_stored_with_the_reply_and_its_character_and_the_latest_one_wins()
    {
        await using var harness = await ConversationHarness.StartAsync();
        await harness.CreateAsync("c1", ["lumina"]);
        await harness.Conversation("c1").AddHuman(new ConversationMember("bob", "ボブ"));
        var reply = Assert.Single((await harness.SendAsync("c1", "こんにちは")).Replies);

        await harness.Conversation("c1").RateMessage(ConversationHarness.Alice, reply.Id, FeedbackRating.Up);
        await harness.Conversation("c1").RateMessage("bob", reply.Id, FeedbackRating.Up);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await harness.Conversation("c1").RateMessage(ConversationHarness.Alice, reply.Id, FeedbackRating.Down);

        var feedback = await Log(harness).FeedbackAsync(reply.Id, CancellationToken.None);
        Assert.Equal(
            [
                new MessageFeedback(reply.Id, "c1", "lumina", ConversationHarness.Alice, FeedbackRating.Down, harness.Time.GetUtcNow()),
                new MessageFeedback(reply.Id, "c1", "lumina", "bob", FeedbackRating.Up, harness.Time.GetUtcNow().AddMinutes(-1)),
            ],
            feedback);
    }

    [Fact]
    public async Task Only_participants_may_rate_and_only_character_replies_of_this_conversation()
    {
        await using var harness = await ConversationHarness.StartAsync();
        await harness.CreateAsync("c1", ["lumina"]);
        await harness.CreateAsync("c2", ["nox"]);
        var turn = await harness.SendAsync("c1", "こんにちは");
        var reply = Assert.Single(turn.Replies);
        var elsewhere = Assert.Single((await harness.SendAsync("c2", "やあ")).Replies);
        var conversation = harness.Conversation("c1");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => conversation.RateMessage("mallory", reply.Id, FeedbackRating.Up));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => conversation.RateMessage(ConversationHarness.Alice, "no-such-message", FeedbackRating.Up));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => conversation.RateMessage(ConversationHarness.Alice, elsewhere.Id, FeedbackRating.Up));
        Assert.Equal("messageId", (await Assert.ThrowsAsync<ArgumentException>(() => conversation.RateMessage(ConversationHarness.Alice, turn.Human.Id, FeedbackRating.Up))).ParamName);
        Assert.Equal("rating", (await Assert.ThrowsAsync<ArgumentException>(() => conversation.RateMessage(ConversationHarness.Alice, reply.Id, (FeedbackRating)7))).ParamName);

        Assert.Empty(await Log(harness).FeedbackAsync(reply.Id, CancellationToken.None));
        Assert.Empty(await Log(harness).FeedbackAsync(turn.Human.Id, CancellationToken.None));
        Assert.Empty(await Log(harness).FeedbackAsync(elsewhere.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Deleting_the_conversation_deletes_its_feedback()
    {
        await using var harness = await ConversationHarness.StartAsync();
        await harness.CreateAsync("c1", ["lumina"]);
        var reply = Assert.Single((await harness.SendAsync("c1", "こんにちは")).Replies);
        await harness.Conversation("c1").RateMessage(ConversationHarness.Alice, reply.Id, FeedbackRating.Up);

        await harness.Conversation("c1").Delete(ConversationHarness.Alice);

        Assert.Empty(await Log(harness).FeedbackAsync(reply.Id, CancellationToken.None));
    }

    private static IConversationLog Log(ConversationHarness harness) => harness.Silo.Services.GetRequiredService<IConversationLog>();
}
