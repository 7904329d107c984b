using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Benchmarks.Hub;
using LlmMultiChat.FakeLlm;
using LlmMultiChat.FakeLlm.Scripting;

namespace Benchmarks.Http;

/// <summary>
/// Time to first token as a client sees it, side by side in one run: the fake LLM server called directly (its own
/// time to first token), a conversation turn through ApiHost over SSE (<c>POST …/stream</c>: the request
/// authenticated and authorized, the human message stored, the prompt built, the LLM called, the first chunk
/// published and written as an event), and the same turn through the SignalR hub (<c>Send</c> on a connection that
/// joined the conversation, until the pushed <c>message_chunk</c>). Samples alternate, one fresh conversation per turn.
/// </summary>
internal static class TimeToFirstToken
{
    public const string Mode = "ttft";
    public const string MemoryMode = "ttft-memory";

    private static readonly string Reply = string.Join(" ", Enumerable.Range(0, 50).Select(i => $"tok{i}"));

    public static async Task RunAsync(int samples)
    {
        var (llmOwn, sse, signalR) = await MeasureAsync(samples, memories: 0);
        Report.Table(
            $"Time to first token, {samples} samples each, alternating",
            ["Path", "p50", "p95", "mean", "p50 above the fake LLM's own"],
            [
                Row("fake LLM called directly (`POST /api/chat`)", llmOwn, llmOwn),
                Row("ApiHost SSE (`POST /api/v1/conversations/{id}/stream`)", sse, llmOwn),
                Row("ApiHost SignalR (`Send` on a joined connection, pushed `event`)", signalR, llmOwn),
            ]);
    }

    /// <summary>The same turns with the character holding no memories, then 100,000 (the asking user's 1,000, the per-user cap, and 99 other users' 1,000 each).</summary>
    public static async Task RunWithMemoriesAsync(int samples)
    {
        var rows = new List<string[]>();
        foreach (var memories in new[] { 0, 100_000 })
        {
            var (llmOwn, sse, signalR) = await MeasureAsync(samples, memories);
            rows.Add(Row($"SSE, {Report.Number(memories)} memories", sse, llmOwn));
            rows.Add(Row($"SignalR, {Report.Number(memories)} memories", signalR, llmOwn));
        }

        Report.Table(
            $"Time to first token with the character's long-term memories, {samples} samples each",
            ["Path, memories the character holds", "p50", "p95", "mean", "p50 above the fake LLM's own"],
            rows);
    }

    private static async Task<(List<TimeSpan> LlmOwn, List<TimeSpan> Sse, List<TimeSpan> SignalR)> MeasureAsync(int samples, int memories)
    {
        await using var llm = new FakeLlmServer();
        await llm.StartAsync();
        llm.Script(FakeReply.Text(Reply));
        await using var api = await ApiUnderTest.StartAsync(llm);
        if (memories > 0)
        {
            await MemorySeed.WriteAsync(api, ApiUnderTest.CharacterId, memories);
        }

        using var direct = new HttpClient { BaseAddress = llm.BaseUrl };
        var hubTurns = new HubTurns();
        await using var hub = await RawHubConnection.OpenAsync(api.Client, api.AccessToken, hubTurns.Observe);

        var llmOwn = new List<TimeSpan>();
        var sse = new List<TimeSpan>();
        var signalR = new List<TimeSpan>();
        for (var i = 0; i < samples + 10; i++)
        {
            var own = await DirectAsync(direct);
            var overSse = await OverSseAsync(api, await api.CreateConversationAsync());
            var overHub = await hubTurns.MeasureAsync(hub, await api.CreateConversationAsync());
            if (i >= 10) // the first ten warm up JIT, connections, prompt templates and the user's memories
            {
                llmOwn.Add(own);
                sse.Add(overSse);
                signalR.Add(overHub);
            }
        }

        return (llmOwn, sse, signalR);
    }

    private static string[] Row(string name, List<TimeSpan> values, List<TimeSpan> baseline) =>
    [
        name, Report.Milliseconds(Percentile(values, 0.50)), Report.Milliseconds(Percentile(values, 0.95)),
        Report.Milliseconds(TimeSpan.FromTicks((long)values.Average(v => v.Ticks))),
        Report.Milliseconds(Percentile(values, 0.50) - Percentile(baseline, 0.50)),
    ];

    private static TimeSpan Percentile(List<TimeSpan> values, double fraction)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(fraction * sorted.Count) - 1)];
    }

    /// <summary>Ollama's streaming chat: until the first NDJSON line, which carries the first token.</summary>
    private static async Task<TimeSpan> DirectAsync(HttpClient llm)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat")
        {
            Content = JsonContent.Create(new { model = "qwen2.5:3b", stream = true, messages = new[] { new { role = "user", content = "Tell me about the lanterns." } } }),
        };
        var clock = Stopwatch.StartNew();
        using var response = await llm.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await ApiUnderTest.EnsureSuccessAsync(response);
        using var body = new StreamReader(await response.Content.ReadAsStreamAsync());
        _ = await body.ReadLineAsync() ?? throw new InvalidOperationException("The fake LLM sent no chunk.");
        var first = clock.Elapsed;
        await body.ReadToEndAsync();
        return first;
    }

    /// <summary>Until the first <c>message_chunk</c> event; the rest of the turn is read before the next sample.</summary>
    private static async Task<TimeSpan> OverSseAsync(ApiUnderTest api, string conversationId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/conversations/{conversationId}/stream")
        {
            Content = JsonContent.Create(new { content = "Tell me about the lanterns.", characterIds = new[] { ApiUnderTest.CharacterId } }),
        };
        var clock = Stopwatch.StartNew();
        using var response = await api.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await ApiUnderTest.EnsureSuccessAsync(response);
        using var body = new StreamReader(await response.Content.ReadAsStreamAsync());
        while (await body.ReadLineAsync() is { } line)
        {
            if (line == "event: message_chunk")
            {
                var first = clock.Elapsed;
                await body.ReadToEndAsync();
                return first;
            }
        }

        throw new InvalidOperationException("The turn ended without a message_chunk event.");
    }

    /// <summary>One hub turn at a time: the time from sending until the first pushed chunk of that conversation.</summary>
    private sealed class HubTurns
    {
        private readonly Stopwatch _clock = new();
        private string? _conversationId;
        private TaskCompletionSource<TimeSpan> _firstChunk = new();
        private TaskCompletionSource _turnComplete = new();

        public async Task<TimeSpan> MeasureAsync(RawHubConnection hub, string conversationId)
        {
            await hub.JoinAsync(conversationId);
            _firstChunk = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
            _turnComplete = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _conversationId, conversationId);
            _clock.Restart();
            if (await hub.InvokeAsync("Send", conversationId, "Tell me about the lanterns.", new[] { ApiUnderTest.CharacterId }) is { } error)
            {
                throw new InvalidOperationException($"Send failed: {error}");
            }

            var first = await _firstChunk.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await _turnComplete.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await hub.InvokeAsync("Leave", conversationId);
            return first;
        }

        /// <summary>Called on the connection's receive loop for every record.</summary>
        public void Observe(JsonElement record)
        {
            if (record.GetProperty("type").GetInt32() != 1 || record.GetProperty("target").GetString() != "event")
            {
                return;
            }

            var @event = record.GetProperty("arguments")[0];
            if (@event.GetProperty("conversationId").GetString() != Volatile.Read(ref _conversationId))
            {
                return;
            }

            switch (@event.GetProperty("type").GetString())
            {
                case "message_chunk":
                    _firstChunk.TrySetResult(_clock.Elapsed);
                    break;
                case "complete_state":
                    _turnComplete.TrySetResult();
                    break;
            }
        }
    }
}
