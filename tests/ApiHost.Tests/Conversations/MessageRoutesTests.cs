using System.Net;
using System.Net.Http.Json;
using LlmMultiChat.ApiHost.Tests.Conversations.Support;
using LlmMultiChat.ApiHost.Tests.Infrastructure;
using LlmMultiChat.FakeLlm.Scripting;
using LlmMultiChat.Grains.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace LlmMultiChat.ApiHost.Tests.Conversations;

/// <summary>Sending messages and waiting for replies, paging through them, interrupting, and rating replies.</summary>
public sealed class MessageRoutesTests
{
    private const string Path = ConversationHost.ConversationsPath;

    [Fact]
    public async Task Posting_a_message_answers_with_it_as_stored_and_the_turns_replies_as_streamed()
    {
        await using var host = await ConversationHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");
        var id = (await ConversationHost.CreateAsync(alice, "lumina", "nox")).String("id")!;
        await SetPolicyAsync(alice, id, "list");
        using var stream = await ConversationHost.OpenStreamAsync(alice, ConversationHost.EventsRequest(id, "?after=0"));
        using var events = new ServerSentEventReader(await stream.Content.ReadAsStreamAsync());

        var sent = await ConversationHost.SendAsync(alice, id, "二人とも、こんにちは");

        var streamed = await events.ReadEventsUntilAsync(e => e.Type == "complete_state", "the turn's events");
        var message = sent.GetProperty("message");
        var replies = sent.GetProperty("replies").EnumerateArray().ToList();
        Assert.Equal(("human", alice.Id, "二人とも、こんにちは", "complete", 0), (message.String("speakerKind"), message.String("speakerId"), message.String("content"), message.String("status"), message.GetProperty("index").GetInt32()));
        Assert.Equal(["lumina", "nox"], replies.Select(r => r.String("speakerId")));
        Assert.Equal("done", sent.String("reason"));
        foreach (var reply in replies)
        {
            var chunks = streamed.Where(e => e.Type == "message_chunk" && e.Json.String("messageId") == reply.String("id")).Select(e => e.Json.String("delta"));
            Assert.Equal(reply.String("content"), string.Concat(chunks));
            Assert.Equal("complete", reply.String("status"));
        }

        var stored = (await ConversationHost.MessagesAsync(alice, id)).GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal([message.String("id"), .. replies.Select(r => r.String("id"))], stored.Select(m => m.String("id")));
        Assert.Equal([message.String("content"), .. replies.Select(r => r.String("content"))], stored.Select(m => m.String("content")));
    }

    [Fact]
    public async Task A_message_of_exactly_10000_characters_is_accepted()
    {
        await using var host = await ConversationHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");
        var id = (await ConversationHost.CreateAsync(alice, "lumina")).String("id")!;

        var sent = await ConversationHost.SendAsync(alice, id, new string('あ', 10_000));

        Assert.Equal(10_000, sent.GetProperty("message").String("content")!.Length);
    }

    [Fact]
    public async Task Messages_page_back_from_an_index_oldest_first()
    {
        await using var host = await ConversationHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");
        var id = (await ConversationHost.CreateAsync(alice, "lumina")).String("id")!;
        foreach (var text in new[] { "一", "二", "三" })
        {
            await ConversationHost.SendAsync(alice, id, text);
        }

        var newest = await ConversationHost.MessagesAsync(alice, id, "?limit=2");
        var older = await ConversationHost.MessagesAsync(alice, id, "?before=4&limit=2");
        var oldest = await ConversationHost.MessagesAsync(alice, id, "?before=2&limit=200");
        var all = await ConversationHost.MessagesAsync(alice, id);

        Assert.Equal([4L, 5L], Indexes(newest));
        Assert.True(newest.GetProperty("hasMore").GetBoolean());
        Assert.Equal([2L, 3L], Indexes(older));
        Assert.True(older.GetProperty("hasMore").GetBoolean());
        Assert.Equal([0L, 1L], Indexes(oldest));
        Assert.False(oldest.GetProperty("hasMore").GetBoolean());
        Assert.Equal([0L, 1L, 2L, 3L, 4L, 5L], Indexes(all));
    }

    [Theory]
    [InlineData("?limit=0", "E4000")]
    [InlineData("?limit=201", "E4000")]
    [InlineData("?before=-1", "E4000")]
    [InlineData("?limit=abc", "E4004")]
    public async Task A_bad_page_request_is_refused(string query, string code)
    {
        await using var host = await ConversationHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");
        var id = (await ConversationHost.CreateAsync(alice, "lumina")).String("id")!;

        using var response = await alice.Client.GetAsync($"{Path}/{id}/messages{query}");

        Assert.Equal((HttpStatusCode.BadRequest, code), (response.StatusCode, (await response.ReadJsonAsync()).String("code")));
    }

    [Fact]
    public async Task Interrupting_keeps_the_partial_reply_with_status_interrupted_and_ends_the_turn()
    {
        await using var host = await ConversationHost.StartAsync();
        host.Llm.Enqueue(FakeReply.Text("途中 まで 話して そこで 止まる 返事").StallAfter(3));
        using var alice = await host.SignUpAsync("alice");
        var id = (await ConversationHost.CreateAsync(alice, "lumina")).String("id")!;
        using var stream = await ConversationHost.OpenStreamAsync(alice, ConversationHost.StreamRequest(id, "話して"));
        using var events = new ServerSentEventReader(await stream.Content.ReadAsStreamAsync());
        var before = await events.ReadEventsUntilAsync(e => e.Type == "message_chunk", "the reply's first chunk");

        using var interrupted = await alice.Client.PostAsync($"{Path}/{id}/interrupt", null);

        Assert.Equal(HttpStatusCode.Accepted, interrupted.StatusCode);
        var rest = await events.ReadToEndAsync("the interrupted turn's end");
        var streamed = string.Concat(before.Concat(rest).Where(e => e.Type == "message_chunk").Select(e => e.Json.String("delta")));
        var reply = rest.Single(e => e.Type == "message_complete").Json.GetProperty("message");
        Assert.Equal(("interrupted", streamed), (reply.String("status"), reply.String("content")));
        Assert.Equal("interrupted", rest[^1].Json.String("reason"));
        var stored = (await ConversationHost.MessagesAsync(alice, id)).GetProperty("messages")[1];
        Assert.Equal(("interrupted", streamed), (stored.String("status"), stored.String("content")));
        Assert.StartsWith("途中", streamed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_is_stored_once_per_user_and_a_later_rating_replaces_the_earlier_one()
    {
        await using var host = await ConversationHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");
        using var bob = await host.SignUpAsync("bob");
        var id = (await ConversationHost.CreateAsync(alice, "lumina")).String("id")!;
        await ConversationHost.InviteAsync(alice, id, bob);
        var replyId = (await ConversationHost.SendAsync(alice, id, "評価してね")).GetProperty("replies")[0].String("id")!;

        var statuses = new List<HttpStatusCode>();
        foreach (var (user, rating) in new[] { (alice, "up"), (bob, "up"), (alice, "down") })
        {
            using var rated = await user.Client.PostAsJsonAsync($"/api/v1/messages/{replyId}/feedback", new { rating });
            statuses.Add(rated.StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.NoContent, s));
        var stored = await Log(host).FeedbackAsync(replyId, CancellationToken.None);
        Assert.Equal(
            [(bob.Id, FeedbackRating.Up), (alice.Id, FeedbackRating.Down)],
            stored.Select(f => (f.UserId, f.Rating)).OrderBy(f => f.Item2));
        Assert.All(stored, f => Assert.Equal((id, "lumina"), (f.ConversationId, f.CharacterId)));
    }

    [Fact]
    public async Task Feedback_on_an_unknown_message_is_404_on_a_human_message_400_and_an_unknown_rating_400()
    {
        await using var host = await ConversationHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");
        var id = (await ConversationHost.CreateAsync(alice, "lumina")).String("id")!;
        var sent = await ConversationHost.SendAsync(alice, id, "評価してね");

        using var unknown = await alice.Client.PostAsJsonAsync("/api/v1/messages/0190a1b2c3d4e5f60718293a4b5c6d7e/feedback", new { rating = "up" });
        using var human = await alice.Client.PostAsJsonAsync($"/api/v1/messages/{sent.GetProperty("message").String("id")}/feedback", new { rating = "up" });
        using var sideways = await alice.Client.PostAsJsonAsync($"/api/v1/messages/{sent.GetProperty("replies")[0].String("id")}/feedback", new { rating = "sideways" });

        Assert.Equal((HttpStatusCode.NotFound, "E4040"), (unknown.StatusCode, (await unknown.ReadJsonAsync()).String("code")));
        Assert.Equal((HttpStatusCode.BadRequest, "E4000"), (human.StatusCode, (await human.ReadJsonAsync()).String("code")));
        Assert.Equal((HttpStatusCode.BadRequest, "E4002"), (sideways.StatusCode, (await sideways.ReadJsonAsync()).String("code")));
        Assert.Empty(await Log(host).FeedbackAsync(sent.GetProperty("replies")[0].String("id")!, CancellationToken.None));
    }

    [Fact]
    public async Task Strangers_rating_a_reply_get_404_and_guest_participants_403_and_nothing_is_stored()
    {
        await using var host = await ConversationHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");
        using var stranger = await host.SignUpAsync("mallory");
        using var guest = await host.SignUpAsync("gina", "guest");
        var id = (await ConversationHost.CreateAsync(alice, "lumina")).String("id")!;
        await ConversationHost.InviteAsync(alice, id, guest);
        var replyId = (await ConversationHost.SendAsync(alice, id, "評価してね")).GetProperty("replies")[0].String("id")!;

        using var fromStranger = await stranger.Client.PostAsJsonAsync($"/api/v1/messages/{replyId}/feedback", new { rating = "down" });
        using var fromGuest = await guest.Client.PostAsJsonAsync($"/api/v1/messages/{replyId}/feedback", new { rating = "down" });

        var strangerProblem = await fromStranger.ReadJsonAsync();
        Assert.Equal((HttpStatusCode.NotFound, "E4040", "No such message."), (fromStranger.StatusCode, strangerProblem.String("code"), strangerProblem.String("detail")));
        Assert.Equal((HttpStatusCode.Forbidden, "E9001"), (fromGuest.StatusCode, (await fromGuest.ReadJsonAsync()).String("code")));
        Assert.Empty(await Log(host).FeedbackAsync(replyId, CancellationToken.None));
    }

    [Fact]
    public async Task Text_that_looks_like_SQL_or_HTML_is_stored_as_sent_and_returned_JSON_escaped_in_bodies_and_events()
    {
        await using var host = await ConversationHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");
        var id = (await ConversationHost.CreateAsync(alice, "lumina")).String("id")!;
        const string content = "'; DROP TABLE conversation_messages; -- <script>alert(\"x\")</script> & 日本語";

        using var sent = await alice.Client.PostAsJsonAsync($"{Path}/{id}/messages", new { content });
        using var page = await alice.Client.GetAsync($"{Path}/{id}/messages");
        using var stream = await ConversationHost.OpenStreamAsync(alice, ConversationHost.EventsRequest(id, "?after=0"));
        using var events = new ServerSentEventReader(await stream.Content.ReadAsStreamAsync());
        var streamed = (await events.ReadEventsUntilAsync(e => e.Type == "message_complete", "the message's event"))[0];

        foreach (var raw in new[] { await sent.Content.ReadAsStringAsync(), await page.Content.ReadAsStringAsync(), streamed.Data })
        {
            Assert.DoesNotContain("<script>", raw, StringComparison.Ordinal);
            Assert.Contains("\\u003Cscript\\u003E", raw, StringComparison.Ordinal);
        }

        Assert.Equal(content, (await sent.ReadJsonAsync()).GetProperty("message").String("content"));
        Assert.Equal(content, streamed.Json.GetProperty("message").String("content"));
        var stored = (await page.ReadJsonAsync()).GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(content, stored[0].String("content"));
        Assert.Equal(2, stored.Count);
    }

    private static IConversationLog Log(ConversationHost host) => host.Factory.Services.GetRequiredService<IConversationLog>();

    private static long[] Indexes(System.Text.Json.JsonElement page) =>
        [.. page.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("index").GetInt64())];

    private static async Task SetPolicyAsync(TestUser owner, string id, string policy)
    {
        using var response = await owner.Client.PatchAsJsonAsync($"{Path}/{id}", new { policy });
        await ConversationHost.SuccessJsonAsync(response);
    }
}
