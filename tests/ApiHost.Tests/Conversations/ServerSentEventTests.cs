using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LlmMultiChat.ApiHost.Tests.Conversations.Support;
using LlmMultiChat.ApiHost.Tests.Infrastructure;
using LlmMultiChat.FakeLlm.Scripting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Silo.Testing;

namespace LlmMultiChat.ApiHost.Tests.Conversations;

/// <summary>The SSE routes end to end: the real text/event-stream parsed as a browser would, resuming, keep-alives, disconnects.</summary>
public sealed class ServerSentEventTests
{
    [Fact]
    public async Task Streaming_a_turn_sends_its_events_uncompressed_one_by_one_and_ends_after_its_complete_state()
    {
        await using var host = await ConversationHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");
        var id = (await ConversationHost.CreateAsync(alice, "lumina")).String("id")!;
        using var request = ConversationHost.StreamRequest(id, "こんにちは、ルミナ！");
        request.Headers.AcceptEncoding.ParseAdd("gzip, br");

        using var response = await ConversationHost.OpenStreamAsync(alice, request);
        using var reader = new ServerSentEventReader(await response.Content.ReadAsStreamAsync());
        var events = await reader.ReadToEndAsync("the turn's events and the end of the stream");

        AssertUncompressedEventStream(response);
        Assert.DoesNotContain(events, e => e.IsComment);
        Assert.All(events, e => Assert.Equal(e.Type, e.Json.String("type")));
        Assert.All(events, e => Assert.Equal(e.Id, e.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Seq));
        Assert.Equal(
            ["message_complete", "message_start", "message_chunk", "message_complete", "complete_state"],
            events.Select(e => e.Type).Where((type, i) => i == 0 || type != events[i - 1].Type));
        var human = events[0].Json.GetProperty("message");
        Assert.Equal(("human", "こんにちは、ルミナ！"), (human.String("speakerKind"), human.String("content")));
        var reply = events[^2].Json.GetProperty("message");
        Assert.Equal(("lumina", "complete"), (reply.String("speakerId"), reply.String("status")));
        Assert.Equal(reply.String("content"), string.Concat(events.Where(e => e.Type == "message_chunk").Select(e => e.Json.String("delta"))));
        var done = events[^1].Json;
        Assert.Equal((human.String("id"), "done"), (done.String("humanMessageId"), done.String("reason")));
        Assert.Equal([reply.String("id")], done.GetProperty("replyIds").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Following_a_conversation_answers_an_uncompressed_event_stream_where_JSON_would_be_compressed()
    {
        await using var host = await ConversationHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");
        var id = (await ConversationHost.CreateAsync(alice, "lumina")).String("id")!;
        await ConversationHost.SendAsync(alice, id, "圧縮しないでね");
        using var follow = ConversationHost.EventsRequest(id, "?after=0");
        using var page = new HttpRequestMessage(HttpMethod.Get, $"{ConversationHost.ConversationsPath}/{id}/messages");
        foreach (var request in new[] { follow, page })
        {
            request.Headers.AcceptEncoding.ParseAdd("gzip, br");
        }

        using var events = await ConversationHost.OpenStreamAsync(alice, follow);
        using var json = await alice.Client.SendAsync(page);

        AssertUncompressedEventStream(events);
        using var reader = new ServerSentEventReader(await events.Content.ReadAsStreamAsync());
        Assert.Equal("message_complete", (await reader.ReadEventsUntilAsync(IsTurnEnd, "the replayed turn"))[0].Type);
        Assert.Equal(["br"], json.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Resuming_with_after_or_Last_Event_ID_replays_only_later_events_then_follows_live_ones()
    {
        await using var host = await ConversationHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");
        var id = (await ConversationHost.CreateAsync(alice, "lumina")).String("id")!;
        await ConversationHost.SendAsync(alice, id, "一回目");
        var all = await ReplayAsync(alice, ConversationHost.EventsRequest(id, "?after=0"), IsTurnEnd);
        var middle = all[all.Count / 2].Seq;
        var later = all.Where(e => e.Seq > middle).Select(e => e.Data).ToList();

        Assert.Equal(later, (await ReplayAsync(alice, ConversationHost.EventsRequest(id, $"?after={middle}"), IsTurnEnd)).Select(e => e.Data));
        var reconnect = ConversationHost.EventsRequest(id, "?after=0");
        reconnect.Headers.Add("Last-Event-ID", middle.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var resumed = await ConversationHost.OpenStreamAsync(alice, reconnect);
        using var reader = new ServerSentEventReader(await resumed.Content.ReadAsStreamAsync());
        Assert.Equal(later, (await reader.ReadEventsUntilAsync(e => e.Seq == all[^1].Seq, "the replay after Last-Event-ID")).Select(e => e.Data));

        var second = await ConversationHost.SendAsync(alice, id, "二回目");
        var live = await reader.ReadEventsUntilAsync(IsTurnEnd, "the second turn, live");
        Assert.Equal(all[^1].Seq + 1, live[0].Seq);
        Assert.Equal(second.GetProperty("message").GetRawText(), live[0].Json.GetProperty("message").GetRawText());
    }

    [Fact]
    public async Task Resuming_from_before_what_the_buffer_holds_starts_with_a_resync()
    {
        await using var host = await ConversationHost.StartAsync([("Conversations:EventBufferSize", "3")]);
        using var alice = await host.SignUpAsync("alice");
        var id = (await ConversationHost.CreateAsync(alice, "lumina")).String("id")!;
        await ConversationHost.SendAsync(alice, id, "バッファより長いターン");
        var lastSeq = (await ConversationHost.SuccessJsonAsync(await alice.Client.GetAsync($"{ConversationHost.ConversationsPath}/{id}"))).GetProperty("lastSeq").GetInt64();

        var events = await ReplayAsync(alice, ConversationHost.EventsRequest(id, "?after=1"), IsTurnEnd);

        var resync = events[0];
        Assert.Equal(("resync", null), (resync.Type, resync.Id));
        Assert.Equal((1L, lastSeq), (resync.Json.GetProperty("afterSeq").GetInt64(), resync.Seq));
        Assert.Equal([lastSeq - 2, lastSeq - 1, lastSeq], events.Skip(1).Select(e => long.Parse(e.Id!, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("stream")]
    [InlineData("messages")]
    public async Task A_client_that_leaves_mid_reply_does_not_stop_it_the_reply_completes_and_is_stored(string route)
    {
        var probe = new RequestAbortProbe($"/{route}");
        await using var host = await ConversationHost.StartAsync(configureServices: s => s.AddSingleton<IStartupFilter>(probe));
        host.Llm.Enqueue(FakeReply.Text("ゆっくり と 話す 長い 返事 です よ 最後 まで 聞いて ね").AtRate(10));
        using var alice = await host.SignUpAsync("alice");
        var id = (await ConversationHost.CreateAsync(alice, "lumina")).String("id")!;
        var watch = await ConversationHost.OpenStreamAsync(alice, ConversationHost.EventsRequest(id));
        var watcher = new ServerSentEventReader(await watch.Content.ReadAsStreamAsync());
        using var leave = new CancellationTokenSource();

        var sending = alice.Client.SendAsync(
            ConversationHost.SendRequest(id, route, "話して"), route == "stream" ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead, leave.Token);
        var seen = await watcher.ReadEventsUntilAsync(e => e.Type == "message_chunk", "the reply's first chunk");
        await leave.CancelAsync();
        if (route == "stream")
        {
            // Its headers came at once, so cancelling no longer reaches it: leaving is closing the body.
            (await sending).Dispose();
        }
        else
        {
            // POST messages answers only when the turn is over, so it is still waiting.
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        }

        // Nobody listens any more: the watcher leaves too.
        watcher.Dispose();
        watch.Dispose();
        await probe.Aborted.WaitOrFail("the server to see the client leave");
        Assert.False(Assert.Single(host.Llm.ChatRequests).Completed, "The reply must still be generating when the client leaves.");

        var rest = await ReplayAsync(alice, ConversationHost.EventsRequest(id, $"?after={seen[^1].Seq}"), IsTurnEnd);
        var reply = rest.Single(e => e.Type == "message_complete").Json.GetProperty("message");
        Assert.Equal(("complete", "ゆっくりと話す長い返事ですよ最後まで聞いてね"), (reply.String("status"), reply.String("content")?.Replace(" ", string.Empty, StringComparison.Ordinal)));
        var stored = (await ConversationHost.MessagesAsync(alice, id)).GetProperty("messages")[1];
        Assert.Equal((reply.String("id"), reply.String("content"), "complete"), (stored.String("id"), stored.String("content"), stored.String("status")));
        var llmRequest = Assert.Single(host.Llm.ChatRequests);
        Assert.True(llmRequest.Completed);
        Assert.Null(llmRequest.ClientDisconnectedAt);
    }

    [Fact]
    public async Task Silence_is_broken_by_a_keep_alive_comment_after_every_15_seconds_without_events()
    {
        var clock = new ManualTimeProvider();
        await using var host = await ConversationHost.StartAsync(configureServices: s => s.AddSingleton<TimeProvider>(clock));
        using var alice = await host.SignUpAsync("alice");
        var id = (await ConversationHost.CreateAsync(alice, "lumina")).String("id")!;
        using var response = await ConversationHost.OpenStreamAsync(alice, ConversationHost.EventsRequest(id));
        using var reader = new ServerSentEventReader(await response.Content.ReadAsStreamAsync());
        var fifteen = TimeSpan.FromSeconds(15);

        await clock.WhenTimerArmed(fifteen).WaitOrFail("the stream to wait for its first event");
        clock.Advance(fifteen);
        Assert.Equal("keep-alive", (await reader.ReadAsync().WaitOrFail("the first keep-alive"))?.Comment);
        await clock.WhenTimerArmed(fifteen, occurrence: 2).WaitOrFail("the stream to wait again");
        clock.Advance(fifteen);
        Assert.Equal("keep-alive", (await reader.ReadAsync().WaitOrFail("the second keep-alive"))?.Comment);

        await clock.WhenTimerArmed(fifteen, occurrence: 3).WaitOrFail("the stream to wait a third time");
        clock.Advance(fifteen - TimeSpan.FromSeconds(1));
        await ConversationHost.SendAsync(alice, id, "まだ15秒たっていない");
        var next = await reader.ReadAsync().WaitOrFail("the message's event");
        Assert.Equal("message_complete", next?.Type);
    }

    [Theory]
    [InlineData("?after=-1", null, "E4000")]
    [InlineData("?after=99", null, "E4000")]
    [InlineData("?after=abc", null, "E4004")]
    [InlineData("", "yesterday", "E4004")]
    [InlineData("?after=0", "99", "E4000")]
    public async Task A_resume_point_that_is_not_an_issued_sequence_number_is_refused(string query, string? lastEventId, string code)
    {
        await using var host = await ConversationHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");
        var id = (await ConversationHost.CreateAsync(alice, "lumina")).String("id")!;
        using var request = ConversationHost.EventsRequest(id, query);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        using var response = await alice.Client.SendAsync(request);

        Assert.Equal((System.Net.HttpStatusCode.BadRequest, "application/problem+json"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        Assert.Equal(code, (await response.ReadJsonAsync()).String("code"));
    }

    private static void AssertUncompressedEventStream(HttpResponseMessage response)
    {
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Equal(["no"], response.Headers.GetValues("X-Accel-Buffering"));
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    private static bool IsTurnEnd(ServerSentEvent @event) => @event.Type == "complete_state";

    /// <summary>Opens an event stream, reads events up to the one <paramref name="until"/> accepts, and leaves.</summary>
    private static async Task<List<ServerSentEvent>> ReplayAsync(TestUser user, HttpRequestMessage request, Func<ServerSentEvent, bool> until)
    {
        using (request)
        {
            using var response = await ConversationHost.OpenStreamAsync(user, request);
            using var reader = new ServerSentEventReader(await response.Content.ReadAsStreamAsync());
            return await reader.ReadEventsUntilAsync(until, "the replayed events");
        }
    }
}
