using System.Collections.Concurrent;
using System.Diagnostics;
using LlmMultiChat.FakeLlm;
using LlmMultiChat.FakeLlm.Scripting;
using LlmMultiChat.Grains;
using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Conversations.Events;
using LlmMultiChat.Grains.Llm;
using LlmMultiChat.Grains.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Silo.Hosting;
using Silo.Streams;

namespace Benchmarks.Scenarios;

/// <summary>
/// Replies of 500 tokens from the fake LLM (as fast as it can send), received through a conversation grain (the
/// human message stored, the prompt built, each token filtered, published with a sequence number, buffered and
/// delivered to a stream subscriber) against the same fake called directly through the same LLM gateway.
/// </summary>
internal static class ConversationStreaming
{
    private const int Tokens = 500;
    private static readonly string Reply = string.Join(" ", Enumerable.Range(0, Tokens).Select(i => $"tok{i}"));

    public static async Task RunAsync(int samples, int concurrentStreams)
    {
        await using var llm = new FakeLlmServer();
        await llm.StartAsync();
        llm.Script(FakeReply.Text(Reply));
        var rows = new List<string[]>();
        foreach (var storage in new[] { "memory", "sqlite" })
        {
            var directory = Path.Combine(Path.GetTempPath(), "chat-bench-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            try
            {
                await using var host = await ChatHost.StartAsync(llm, storage == "sqlite" ? Path.Combine(directory, "chat.db") : null);
                await MeasureAsync(host, 10); // warm-up: JIT, connections, templates
                var direct = await MeasureDirectAsync(host, samples);
                var grain = await MeasureAsync(host, samples);
                rows.Add(Row($"{storage}: fake LLM called directly", direct, direct));
                rows.Add(Row($"{storage}: through a conversation grain", grain, direct));
                if (storage == "sqlite")
                {
                    var (elapsed, dropped) = await ConcurrentAsync(host, concurrentStreams);
                    Console.WriteLine($"{concurrentStreams} concurrent streams of {Tokens} tokens through conversation grains (sqlite): " +
                                      $"{Report.Fixed(elapsed.TotalSeconds, 2)} s, {Report.Number(concurrentStreams * Tokens / elapsed.TotalSeconds)} tokens/s delivered, {dropped} streams with a missing or extra token.");
                    Console.WriteLine();
                }
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(directory, recursive: true);
            }
        }

        Report.Table(
            $"Streaming replies of {Tokens} tokens, {samples} replies per row (p50 / p99 of each reply's figures)",
            ["path", "time to first token p50 / p99", "per token p50 / p99", "added to first token (p50)", "added per token (p50)", "ratio (first token, per token)"],
            rows);
    }

    private static string[] Row(string name, Measurements measured, Measurements direct) =>
    [
        name,
        $"{Report.Fixed(measured.FirstToken(50), 3)} / {Report.Fixed(measured.FirstToken(99), 3)} ms",
        $"{Report.Fixed(measured.PerToken(50), 2)} / {Report.Fixed(measured.PerToken(99), 2)} µs",
        $"{Report.Fixed(measured.FirstToken(50) - direct.FirstToken(50), 3)} ms",
        $"{Report.Fixed(measured.PerToken(50) - direct.PerToken(50), 2)} µs",
        $"{Report.Fixed(measured.FirstToken(50) / direct.FirstToken(50), 2)}×, {Report.Fixed(measured.PerToken(50) / direct.PerToken(50), 2)}×",
    ];

    /// <summary>The same gateway, the same request shape, no grain.</summary>
    private static async Task<Measurements> MeasureDirectAsync(ChatHost host, int samples)
    {
        var measurements = new Measurements();
        var request = new LlmChatRequest(string.Empty, [new LlmMessage(LlmRole.System, "あなたは「ルミナ」です。"), new LlmMessage(LlmRole.User, "アリス: go")]);
        for (var i = 0; i < samples; i++)
        {
            var start = Stopwatch.GetTimestamp();
            long first = 0, last = 0;
            var count = 0;
            await foreach (var item in host.Gateway.StreamAsync(null, request, CancellationToken.None))
            {
                if (item is LlmToken)
                {
                    last = Stopwatch.GetTimestamp();
                    first = first == 0 ? last : first;
                    count++;
                }
            }

            measurements.Add(start, first, last, count);
        }

        return measurements;
    }

    /// <summary>A fresh one-to-one conversation per reply; times taken where a stream subscriber receives the chunks.</summary>
    private static async Task<Measurements> MeasureAsync(ChatHost host, int samples)
    {
        var measurements = new Measurements();
        for (var i = 0; i < samples; i++)
        {
            var result = await OneReplyAsync(host, $"m-{Guid.NewGuid():N}");
            measurements.Add(result.Start, result.First, result.Last, result.Chunks);
        }

        return measurements;
    }

    private static async Task<(TimeSpan Elapsed, int Dropped)> ConcurrentAsync(ChatHost host, int streams)
    {
        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, streams).Select(i => Task.Run(() => OneReplyAsync(host, $"c-{i}-{Guid.NewGuid():N}"))));
        return (clock.Elapsed, results.Count(r => r.Text != Reply));
    }

    private static async Task<ReplyTimes> OneReplyAsync(ChatHost host, string conversationId)
    {
        var conversation = host.Grains.GetGrain<IChatSessionGrain>(conversationId);
        await conversation.Create(new ConversationSpec(new ConversationMember("alice", "アリス"), [UpstreamCharacters.LuminaId]));
        var observer = new ChunkTimer();
        await using var subscription = await host.Streams.GetStream<ConversationEvent>(ConversationStreams.For(conversationId)).SubscribeAsync(observer);
        var start = Stopwatch.GetTimestamp();
        await conversation.Send("alice", "go");
        await observer.Done;
        return new ReplyTimes(start, observer.First, observer.Last, observer.Chunks, observer.Text);
    }

    private sealed record ReplyTimes(long Start, long First, long Last, int Chunks, string Text);

    private sealed class ChunkTimer : IAsyncObserver<ConversationEvent>
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly System.Text.StringBuilder _text = new();

        public long First { get; private set; }

        public long Last { get; private set; }

        public int Chunks { get; private set; }

        public string Text => _text.ToString();

        public Task Done => _done.Task;

        public Task OnNextAsync(ConversationEvent item)
        {
            switch (item)
            {
                case MessageChunk chunk:
                    Last = Stopwatch.GetTimestamp();
                    First = First == 0 ? Last : First;
                    Chunks++;
                    _text.Append(chunk.Delta);
                    break;
                case TurnCompleted:
                    _done.TrySetResult();
                    break;
            }

            return Task.CompletedTask;
        }

        public Task OnCompletedAsync() => Task.CompletedTask;

        public Task OnErrorAsync(Exception exception)
        {
            _done.TrySetException(exception);
            return Task.CompletedTask;
        }
    }

    private sealed class Measurements
    {
        private readonly List<double> _firstTokenMs = [];
        private readonly List<double> _perTokenUs = [];

        public void Add(long start, long first, long last, int tokens)
        {
            _firstTokenMs.Add(Stopwatch.GetElapsedTime(start, first).TotalMilliseconds);
            _perTokenUs.Add(Stopwatch.GetElapsedTime(first, last).TotalMicroseconds / Math.Max(1, tokens - 1));
        }

        public double FirstToken(double percentile) => Percentile(_firstTokenMs, percentile);

        public double PerToken(double percentile) => Percentile(_perTokenUs, percentile);

        private static double Percentile(List<double> values, double percentile)
        {
            var sorted = values.Order().ToList();
            return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(sorted.Count * percentile / 100) - 1)];
        }
    }
}
