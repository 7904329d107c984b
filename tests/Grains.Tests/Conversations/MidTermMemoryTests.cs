using LlmMultiChat.FakeLlm.Recording;
using LlmMultiChat.FakeLlm.Scripting;
using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Conversations.Events;
using LlmMultiChat.Grains.Memory;
using LlmMultiChat.Grains.Tests.Conversations.Support;
using LlmMultiChat.Grains.Users;
using Microsoft.Extensions.DependencyInjection;

namespace LlmMultiChat.Grains.Tests.Conversations;

/// <summary>The mid-term tier: a thread is summarised at 12 messages or after 30 idle minutes, kept 30 days, recalled for the humans who took part only.</summary>
public sealed class MidTermMemoryTests
{
    private const string Summary = "アリスは京都旅行の計画を話した。\n清水寺に行きたいと言った。\nルミナは紅葉の時期を勧めた。";

    private static readonly string[] s_trip =
    [
        "来月京都旅行に行く予定です", "清水寺に行きたいです", "紅葉はいつ頃がいいですか", "おすすめの宿はありますか", "湯豆腐も食べたいです", "ありがとう、楽しみです",
    ];

    [Fact]
    public async Task A_thread_of_12_messages_is_summarised_by_the_model_and_stored_for_the_human()
    {
        await using var harness = await StartAsync();
        await harness.CreateAsync("c1", ["lumina"]);

        var summarized = await TalkUntilSummarizedAsync(harness, "c1", s_trip);

        var stored = Assert.Single(await Store(harness).ForUserAsync(ConversationHarness.Alice, DateTimeOffset.MinValue, CancellationToken.None));
        Assert.Equal((summarized.SummaryId, "c1", 0L, 11L, 12), (stored.Id, stored.ConversationId, stored.FirstIndex, stored.LastIndex, stored.TurnCount));
        Assert.Equal(Summary, stored.Text);
        Assert.Equal([ConversationHarness.Alice], stored.UserIds);
        Assert.Equal(["lumina"], stored.CharacterIds);
        Assert.Contains("清水寺", stored.Keywords);
        var request = Assert.Single(harness.Llm.ChatRequests, IsSummaryRequest);
        Assert.Contains("アリス: 清水寺に行きたいです", request.Messages[1].Content, StringComparison.Ordinal);
        Assert.Contains("ルミナ: ", request.Messages[1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flushing_a_thread_consolidates_what_each_character_kept_of_the_human_to_the_most_important_70_percent()
    {
        // Every statement with substance is kept, so the six facts below are all provisional until the flush.
        await using var harness = await StartAsync(new Dictionary<string, string?> { ["LongTermMemory:KeepAtLeast"] = "0" });
        await harness.CreateAsync("c1", ["lumina"]);
        string[] facts = ["私の犬の名前はポチです", "妹は大阪に住んでいます", "毎朝コーヒーを飲みます", "趣味は写真撮影です", "来月京都旅行に行きます", "仕事は看護師です"];

        await TalkUntilSummarizedAsync(harness, "c1", facts);

        var kept = (await harness.Silo.Services.GetRequiredService<ICharacterMemoryStore>().ReadAsync("lumina", ConversationHarness.Alice, CancellationToken.None)).Memories;
        Assert.Equal(5, kept.Count); // ceil(6 × 0.7)
        Assert.All(kept, m => Assert.True(m.Consolidated));
        Assert.All(kept, m => Assert.Contains(m.Text, facts));
    }

    [Fact]
    public async Task Eleven_messages_are_not_flushed_but_30_idle_minutes_flush_them()
    {
        await using var harness = await StartAsync();
        await harness.CreateAsync("c1", ["lumina"]);
        for (var i = 0; i < 5; i++)
        {
            await harness.SendAsync("c1", s_trip[i]);
        }

        var afterSeq = (await harness.Conversation("c1").Info())!.LastSeq;
        harness.Time.Advance(TimeSpan.FromMinutes(29));
        Assert.Empty(await Store(harness).ForUserAsync(ConversationHarness.Alice, DateTimeOffset.MinValue, CancellationToken.None));
        Assert.DoesNotContain(harness.Llm.ChatRequests, IsSummaryRequest);

        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var summarized = await NextAsync<ThreadSummarized>(harness, "c1", afterSeq);

        Assert.Equal((0L, 9L), (summarized.FirstIndex, summarized.LastIndex));
        Assert.Single(await Store(harness).ForUserAsync(ConversationHarness.Alice, DateTimeOffset.MinValue, CancellationToken.None));
    }

    [Fact]
    public async Task The_next_thread_starts_where_the_last_summary_ended()
    {
        await using var harness = await StartAsync();
        await harness.CreateAsync("c1", ["lumina"]);
        await TalkUntilSummarizedAsync(harness, "c1", s_trip);

        var second = await TalkUntilSummarizedAsync(harness, "c1", [.. s_trip.Select(m => m + "。")]);

        Assert.Equal((12L, 23L), (second.FirstIndex, second.LastIndex));
        Assert.Equal(2, (await Store(harness).ForUserAsync(ConversationHarness.Alice, DateTimeOffset.MinValue, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_summary_is_recalled_in_a_later_conversation_of_the_same_user_only()
    {
        await using var harness = await StartAsync();
        await harness.CreateAsync("c1", ["lumina"]);
        await TalkUntilSummarizedAsync(harness, "c1", s_trip);

        await harness.CreateAsync("c2", ["clarisse"]);
        await harness.SendAsync("c2", "前に話した京都旅行のこと、覚えてる？");
        var alices = SystemPrompt(harness);
        await harness.Conversation("c3").Create(new ConversationSpec(new ConversationMember("bob", "ボブ"), ["lumina"]));
        await harness.SendAsync("c3", "前に話した京都旅行のこと、覚えてる？", userId: "bob");
        var bobs = SystemPrompt(harness);

        Assert.Contains("【以前の会話】", alices, StringComparison.Ordinal);
        Assert.Contains("- アリスは京都旅行の計画を話した。 / 清水寺に行きたいと言った。 / ルミナは紅葉の時期を勧めた。", alices, StringComparison.Ordinal);
        Assert.DoesNotContain("清水寺に行きたいと言った", bobs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_summary_is_recalled_until_it_is_30_days_old()
    {
        await using var harness = await StartAsync();
        await harness.CreateAsync("c1", ["lumina"]);
        var summarized = await TalkUntilSummarizedAsync(harness, "c1", s_trip);
        var embedder = harness.Silo.Services.GetRequiredService<IEmbedder>();
        var query = await embedder.EmbedAsync("前に話した京都旅行のこと、覚えてる？", CancellationToken.None);
        var alice = harness.Silo.GetGrain<IUserGrain>(ConversationHarness.Alice);

        harness.Time.Advance(TimeSpan.FromDays(30) - TimeSpan.FromMinutes(1));
        var lastDay = await alice.Recollect(query, embedder.Model, 3);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var expired = await alice.Recollect(query, embedder.Model, 3);

        Assert.Contains(lastDay.Sessions, s => s.Id == summarized.SummaryId);
        Assert.DoesNotContain(expired.Sessions, s => s.Id == summarized.SummaryId);
    }

    [Fact]
    public async Task A_flush_deletes_the_summaries_past_retention()
    {
        await using var harness = await StartAsync();
        var old = new SessionSummary("old", "c0", [ConversationHarness.Alice], ["lumina"], "古い要約", [], "hashing:256", new float[256], 0, 1, 2, harness.Time.GetUtcNow());
        await Store(harness).AddAsync(old, CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromDays(31));
        await harness.CreateAsync("c1", ["lumina"]);

        await TalkUntilSummarizedAsync(harness, "c1", s_trip);

        var kept = await Store(harness).ForUserAsync(ConversationHarness.Alice, DateTimeOffset.MinValue, CancellationToken.None);
        Assert.DoesNotContain(kept, s => s.Id == "old");
        Assert.Single(kept);
    }

    [Fact]
    public async Task When_the_model_fails_the_summary_is_made_of_the_humans_own_words()
    {
        await using var harness = await StartAsync(summary: FakeReply.Error(503));
        await harness.CreateAsync("c1", ["lumina"]);

        await TalkUntilSummarizedAsync(harness, "c1", s_trip);

        var stored = Assert.Single(await Store(harness).ForUserAsync(ConversationHarness.Alice, DateTimeOffset.MinValue, CancellationToken.None));
        var lines = stored.Text.Split('\n');
        Assert.Equal("アリス: 来月京都旅行に行く予定です", lines[0]);
        Assert.Equal("アリス: ありがとう、楽しみです", lines[^1]);
        Assert.InRange(lines.Length, 2, 3);
    }

    [Fact]
    public async Task Deleting_the_conversation_deletes_its_summaries_and_its_idle_flush()
    {
        await using var harness = await StartAsync();
        await harness.CreateAsync("c1", ["lumina"]);
        await TalkUntilSummarizedAsync(harness, "c1", s_trip);
        await harness.SendAsync("c1", "もう一つ質問です");

        await harness.Conversation("c1").Delete(ConversationHarness.Alice);
        harness.Time.Advance(TimeSpan.FromHours(1));

        Assert.Empty(await Store(harness).ForUserAsync(ConversationHarness.Alice, DateTimeOffset.MinValue, CancellationToken.None));
        Assert.Single(harness.Llm.ChatRequests, IsSummaryRequest);
    }

    internal static bool IsSummaryRequest(FakeRequest request) =>
        request.Messages.Count > 0 && request.Messages[0].Content == ThreadSummarizer.Instruction;

    internal static async Task<ConversationHarness> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, FakeReply? summary = null)
    {
        var harness = await ConversationHarness.StartAsync(settings);
        harness.Llm.Script(summary ?? FakeReply.Text(Summary), IsSummaryRequest);
        return harness;
    }

    internal static ISessionSummaryStore Store(ConversationHarness harness) => harness.Silo.Services.GetRequiredService<ISessionSummaryStore>();

    /// <summary>Sends the messages one turn each, then waits for the thread_summarized event the last turn brings.</summary>
    internal static async Task<ThreadSummarized> TalkUntilSummarizedAsync(ConversationHarness harness, string conversationId, IReadOnlyList<string> messages)
    {
        var afterSeq = (await harness.Conversation(conversationId).Info())!.LastSeq;
        foreach (var message in messages)
        {
            await harness.SendAsync(conversationId, message);
        }

        return await NextAsync<ThreadSummarized>(harness, conversationId, afterSeq);
    }

    private static async Task<T> NextAsync<T>(ConversationHarness harness, string conversationId, long afterSeq)
        where T : ConversationEvent
    {
        await foreach (var @event in harness.Events(conversationId, afterSeq))
        {
            if (@event is T wanted)
            {
                return wanted;
            }
        }

        throw new InvalidOperationException("The event stream ended.");
    }

    private static string SystemPrompt(ConversationHarness harness) =>
        harness.Llm.ChatRequests.Last(r => !IsSummaryRequest(r)).Messages.First(m => m.Role == "system").Content;
}
