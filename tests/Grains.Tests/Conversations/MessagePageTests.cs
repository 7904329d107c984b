using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Tests.Conversations.Support;
using Microsoft.Extensions.DependencyInjection;
using Silo;
using Silo.Testing;

namespace LlmMultiChat.Grains.Tests.Conversations;

/// <summary>Message pages come from the activation's recent messages when it holds the whole page, else from the log.</summary>
public sealed class MessagePageTests
{
    // No thread summary runs in the background: it would keep the activation alive past the idle time the first test waits for.
    private static readonly Dictionary<string, string?> SmallWindow = new() { ["Conversations:RecentMessages"] = "10", ["MidTermMemory:FlushAfterTurns"] = "1000" };

    [Fact]
    public async Task Every_page_equals_the_logs_own_across_the_edge_of_the_recent_window_and_after_reactivation()
    {
        await using var harness = await ConversationHarness.StartAsync(SmallWindow);
        await harness.CreateAsync("c1", ["lumina"], maxAutoTurns: 0);
        await TurnsAsync(harness, 12); // 24 messages: the window holds indexes 14 to 23

        await AssertPagesMatchTheLogAsync(harness);
        harness.Time.Advance(TimeSpan.FromMinutes(16));
        await harness.Silo.WhenDeactivated(GrainId.Create("chat-session", "c1")).WaitOrFail("the idle conversation to be collected");
        await AssertPagesMatchTheLogAsync(harness); // the window as loaded from the log
        await TurnsAsync(harness, 1);
        await AssertPagesMatchTheLogAsync(harness); // and as moved on by new messages
    }

    [Fact]
    public async Task A_short_conversation_is_read_whole_from_the_window()
    {
        var log = new ReadCountingLog();
        await using var harness = await ConversationHarness.StartAsync(SmallWindow, log: log);
        await harness.CreateAsync("c1", ["lumina"], maxAutoTurns: 0);
        await TurnsAsync(harness, 2);
        var reads = log.Reads;

        var all = await harness.Conversation("c1").Messages(null, 50);

        Assert.Equal([0L, 1, 2, 3], all.Select(m => m.Index));
        Assert.Equal(reads, log.Reads);
    }

    [Fact]
    public async Task The_newest_pages_need_no_log_read_and_older_ones_do()
    {
        var log = new ReadCountingLog();
        await using var harness = await ConversationHarness.StartAsync(SmallWindow, log: log);
        await harness.CreateAsync("c1", ["lumina"], maxAutoTurns: 0);
        await TurnsAsync(harness, 12);
        var conversation = harness.Conversation("c1");
        var reads = log.Reads;

        var newest = await conversation.Messages(null, 10);
        var before = await conversation.Messages(20, 6);
        Assert.Equal(reads, log.Reads);
        var older = await conversation.Messages(14, 5);

        Assert.Equal(Enumerable.Range(14, 10).Select(i => (long)i), newest.Select(m => m.Index));
        Assert.Equal(Enumerable.Range(14, 6).Select(i => (long)i), before.Select(m => m.Index));
        Assert.Equal(Enumerable.Range(9, 5).Select(i => (long)i), older.Select(m => m.Index));
        Assert.Equal(reads + 1, log.Reads);
    }

    private static async Task TurnsAsync(ConversationHarness harness, int turns)
    {
        for (var i = 0; i < turns; i++)
        {
            await harness.SendAsync("c1", $"message {i}", ["lumina"]);
        }
    }

    private static async Task AssertPagesMatchTheLogAsync(ConversationHarness harness)
    {
        var log = harness.Silo.Services.GetRequiredService<IConversationLog>();
        var conversation = harness.Conversation("c1");
        var count = (await log.NextIndexAsync("c1", CancellationToken.None)) + 2;
        foreach (var before in Enumerable.Range(0, (int)count).Select(i => (long?)i).Prepend(null))
        {
            foreach (var limit in new[] { 1, 5, 10, 11, 30 })
            {
                var expected = await log.ReadAsync("c1", before, limit, CancellationToken.None);
                var page = await conversation.Messages(before, limit);
                Assert.True(expected.SequenceEqual(page), $"before {before}, limit {limit}: [{string.Join(",", page.Select(m => m.Index))}] instead of [{string.Join(",", expected.Select(m => m.Index))}]");
            }
        }
    }
}
