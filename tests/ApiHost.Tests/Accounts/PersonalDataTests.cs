using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LlmMultiChat.ApiHost.Tests.Characters;
using LlmMultiChat.ApiHost.Tests.Conversations.Support;
using LlmMultiChat.ApiHost.Tests.Infrastructure;
using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Knowledge;
using LlmMultiChat.Grains.Memory;
using Microsoft.Extensions.DependencyInjection;
using Silo;

namespace LlmMultiChat.ApiHost.Tests.Accounts;

/// <summary>
/// A user's personal data: the export carries everything held about them, and erasure leaves nothing of them in
/// any table while the other users' data stays.
/// </summary>
public sealed class PersonalDataTests
{
    private const string Fact = "私の犬の名前はポチです";
    private const string WeatherTalk = "今日はいい天気ですね";
    private const string BobSays = "ボブです、よろしく";
    private const string BobAgain = "それは良かった";
    private const string SharedSummaryText = "アリスとボブが天気とポチの話をした。";
    private const string BobsSummaryText = "ボブがひとりで挨拶した。";

    [Fact]
    public async Task The_export_carries_everything_and_erasure_leaves_nothing_of_the_user_in_any_table_but_keeps_the_others_data()
    {
        await using var host = await ConversationHost.StartAsync();
        using var alice = await host.SignUpAsync("alicegdpr");
        using var bob = await host.SignUpAsync("bobgdpr");

        // Alice's own conversation: a fact Lumina keeps, and a 👎 (Lumina draws a lesson from it, quoting the fact).
        var own = (await ConversationHost.CreateAsync(alice, UpstreamCharacters.LuminaId)).String("id")!;
        var toldFact = await ConversationHost.SendAsync(alice, own, Fact);
        await RateAsync(alice, toldFact.GetProperty("replies")[0].String("id")!, "down");

        // Bob's conversation: Alice joins, speaks and rates a reply to Bob; Bob speaks before and after.
        var bobs = (await ConversationHost.CreateAsync(bob, UpstreamCharacters.LuminaId)).String("id")!;
        await ConversationHost.InviteAsync(bob, bobs, alice);
        var bobFirst = await ConversationHost.SendAsync(bob, bobs, BobSays);
        await RateAsync(alice, bobFirst.GetProperty("replies")[0].String("id")!);
        await ConversationHost.SendAsync(alice, bobs, WeatherTalk);
        await ConversationHost.SendAsync(bob, bobs, BobAgain);

        // Alice's character, and mid-term rows (one shared with Bob, one Bob's alone).
        using (var created = await alice.Client.PostAsJsonAsync("/api/v1/characters", new { persona = new { name = "アリスの猫" }, id = "alices-cat" }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var summaries = host.Factory.Services.GetRequiredService<ISessionSummaryStore>();
        var now = host.Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await summaries.AddAsync(await SummaryAsync(host, "shared-summary", bobs, [alice.Id, bob.Id], SharedSummaryText, now), CancellationToken.None);
        await summaries.AddAsync(await SummaryAsync(host, "bobs-summary", bobs, [bob.Id], BobsSummaryText, now), CancellationToken.None);

        // A knowledge document Alice added (the grain directly: her role could not add one through the API).
        var grains = host.Factory.Services.GetRequiredService<IGrainFactory>();
        var document = await grains.GetGrain<IKnowledgeGrain>("history").Add(new NewKnowledgeDocument("京都の寺", "清水寺は778年に創建された。", null, alice.Id));

        // The export.
        using var exported = await alice.Client.GetAsync("/api/v1/auth/me/export");
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        Assert.Equal("attachment", exported.Content.Headers.ContentDisposition?.DispositionType);
        var raw = await exported.Content.ReadAsStringAsync();
        var export = JsonDocument.Parse(raw).RootElement;
        Assert.Equal((alice.Id, "alicegdpr", "alicegdpr@example.com"), (export.GetProperty("user").String("id"), export.GetProperty("user").String("username"), export.GetProperty("user").String("email")));
        Assert.Equal(["user"], export.GetProperty("user").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(export.GetProperty("quota").GetProperty("used").GetInt64() > 0);
        Assert.True(export.GetProperty("style").TryGetProperty("formality", out _));
        Assert.True(export.GetProperty("interests").GetProperty("topics").TryGetProperty("ポチ", out _));
        var conversations = export.GetProperty("conversations").EnumerateArray().ToDictionary(c => c.String("id")!);
        Assert.Equal("owner", conversations[own].String("relation"));
        Assert.Contains(Fact, Contents(conversations[own]));
        Assert.Equal("participant", conversations[bobs].String("relation"));
        Assert.Contains(WeatherTalk, Contents(conversations[bobs]));
        Assert.Contains(BobSays, Contents(conversations[bobs]));
        Assert.Equal(new[] { own, bobs }.Order(StringComparer.Ordinal), export.GetProperty("ratings").EnumerateArray().Select(r => r.String("conversationId")).Order(StringComparer.Ordinal));
        Assert.Contains(export.GetProperty("longTermMemories").EnumerateArray(), m => m.String("text") == Fact && m.String("characterId") == UpstreamCharacters.LuminaId);
        Assert.Contains(export.GetProperty("lessons").EnumerateArray(), l => l.String("situation") == Fact && l.String("characterId") == UpstreamCharacters.LuminaId);
        var summary = Assert.Single(export.GetProperty("midTermSummaries").EnumerateArray());
        Assert.Equal(SharedSummaryText, summary.String("text"));
        Assert.False(summary.TryGetProperty("vector", out _));
        Assert.Equal(["alices-cat"], export.GetProperty("characters").EnumerateArray().Select(c => c.String("id")));
        Assert.Equal([("history", document.Id)], export.GetProperty("knowledgeDocuments").EnumerateArray().Select(d => (d.String("namespace"), d.String("id"))));
        Assert.DoesNotContain("password", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(alice.RefreshToken, raw, StringComparison.Ordinal);

        // Everything looked for is in the database now, so the scan below can see it.
        string[] traces = [alice.Id, "alicegdpr", "alicegdpr@example.com", Fact];
        Assert.All(traces, trace => Assert.NotEmpty(DatabaseScan.Find(host.DatabasePath, trace)));

        using (var erased = await alice.Client.DeleteAsync("/api/v1/auth/me"))
        {
            Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        }

        using (var after = await alice.Client.GetAsync("/api/v1/auth/me"))
        {
            await after.AssertProblemAsync(HttpStatusCode.Unauthorized, "E8002");
        }

        var bobSees = (await ConversationHost.MessagesAsync(bob, bobs)).GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal([BobSays, BobAgain], bobSees.Where(m => m.String("speakerId") == bob.Id).Select(m => m.String("content")));
        Assert.Equal([ErasedHuman.Id], bobSees.Where(m => m.String("speakerKind") == "human" && m.String("speakerId") != bob.Id).Select(m => m.String("speakerId")));

        // Stopped, so nothing is left to write behind.
        await host.Factory.DisposeAsync();
        foreach (var trace in traces)
        {
            Assert.True(DatabaseScan.Find(host.DatabasePath, trace) is [], $"'{trace}' is still in {string.Join(", ", DatabaseScan.Find(host.DatabasePath, trace))}.");
        }

        Assert.Equal(1, DatabaseScan.Count(host.DatabasePath, "silo_grain_state", "grain_key = $value", bobs));
        Assert.Equal(2, DatabaseScan.Count(host.DatabasePath, "conversation_messages", "speaker_kind = 'Human' AND speaker_id = $value", bob.Id));
        Assert.NotEmpty(DatabaseScan.Find(host.DatabasePath, BobSays));
        Assert.NotEmpty(DatabaseScan.Find(host.DatabasePath, BobsSummaryText));
        Assert.Empty(DatabaseScan.Find(host.DatabasePath, SharedSummaryText));
        Assert.NotEqual(0, DatabaseScan.Count(host.DatabasePath, "silo_grain_state", "grain_key = $value", bob.Id));
        // Shared knowledge stays, attributed to nobody.
        Assert.NotEmpty(DatabaseScan.Find(host.DatabasePath, "清水寺は778年に創建された。"));
    }

    private static async Task RateAsync(TestUser rater, string messageId, string rating = "up")
    {
        using var response = await rater.Client.PostAsJsonAsync($"/api/v1/messages/{messageId}/feedback", new { rating });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private static IEnumerable<string?> Contents(JsonElement conversation) =>
        conversation.GetProperty("messages").EnumerateArray().Select(m => m.String("content"));

    private static async Task<SessionSummary> SummaryAsync(ConversationHost host, string id, string conversationId, string[] userIds, string text, DateTimeOffset at)
    {
        var embedder = host.Factory.Services.GetRequiredService<IEmbedder>();
        return new SessionSummary(id, conversationId, userIds, [UpstreamCharacters.LuminaId], text, ["天気"], embedder.Model, await embedder.EmbedAsync(text, CancellationToken.None), 0, 3, 4, at);
    }
}
