using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace LlmMultiChat.ApiHost.Tests.WebUi;

/// <summary>
/// The UI's budgets, measured in the browser: the chat page's first load with a cold cache, and the tab's memory after
/// a hundred streamed replies. Figures go to the test output and artifacts/webui-performance.json (docs/benchmarks.md).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ChatPagePerformanceTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string Lumina = "ルミナ";
    private const double FirstLoadBudgetMs = 1000;
    private const double HeapBudgetBytes = 200 * 1024 * 1024;
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Fact]
    public async Task The_chat_page_loads_in_under_a_second_with_a_cold_cache()
    {
        if (browser.Skipped(output))
        {
            return;
        }

        var ui = new ChatUi(await browser.NewPageAsync());
        await ui.SignUpAsync("quinn");
        var id = await ui.StartConversationAsync("natural", Lumina);
        await ui.SendAsync("first load test");
        await Assertions.Expect(ui.Reply(Lumina)).ToHaveAttributeAsync("data-status", "complete");
        var session = await ui.Page.EvaluateAsync<string>("localStorage.getItem('llmmultichat.session')");

        // A new context has an empty HTTP cache; the session is handed over as a returning visitor would have it.
        var cold = await browser.NewPageAsync();
        await cold.Context.AddInitScriptAsync($"localStorage.setItem('llmmultichat.session', {JsonSerializer.Serialize(session)});");
        await cold.GotoAsync($"/chat/{id}", new() { WaitUntil = WaitUntilState.Commit });
        var coldUi = new ChatUi(cold);
        await coldUi.WaitLiveAsync();
        await Assertions.Expect(coldUi.Reply(Lumina)).ToHaveAttributeAsync("data-status", "complete");
        var loadedMs = await cold.EvaluateAsync<double>("performance.now()");
        var transferred = await cold.EvaluateAsync<double>("performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation')).reduce((sum, e) => sum + (e.transferSize || 0), 0)");

        Record("chatFirstLoadMs", loadedMs);
        Record("chatFirstLoadTransferredBytes", transferred);
        Assert.True(transferred > 0, "The page came from a cache, not the server.");
        Assert.True(loadedMs < FirstLoadBudgetMs, $"The chat page took {loadedMs:F0} ms to show the conversation live (budget {FirstLoadBudgetMs} ms).");
    }

    [Fact]
    public async Task A_hundred_streamed_replies_keep_the_tab_under_200_MB()
    {
        if (browser.Skipped(output))
        {
            return;
        }

        var ui = new ChatUi(await browser.NewPageAsync());
        await ui.SignUpAsync("rosa");
        await ui.StartConversationAsync("natural", Lumina);
        for (var i = 1; i <= 100; i++)
        {
            await ui.SendAsync($"message {i}: 星と海と図書館の話をしましょう。 Tell me about the stars, the sea and the library.");
            await Assertions.Expect(ui.Replies).ToHaveCountAsync(i);
            await Assertions.Expect(ui.Replies.Nth(i - 1)).ToHaveAttributeAsync("data-status", "complete");
        }

        var cdp = await ui.Page.Context.NewCDPSessionAsync(ui.Page);
        await cdp.SendAsync("HeapProfiler.collectGarbage");
        await cdp.SendAsync("Performance.enable");
        var metrics = (await cdp.SendAsync("Performance.getMetrics"))!.Value.GetProperty("metrics").EnumerateArray()
            .ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetDouble());

        Record("heapUsedAfter100RepliesBytes", metrics["JSHeapUsedSize"]);
        Record("heapTotalAfter100RepliesBytes", metrics["JSHeapTotalSize"]);
        Record("domNodesAfter100Replies", metrics["Nodes"]);
        Assert.True(metrics["JSHeapTotalSize"] < HeapBudgetBytes, $"The tab's JavaScript heap is {metrics["JSHeapTotalSize"] / 1048576:F1} MB after 100 replies.");
    }

    private void Record(string name, double value)
    {
        output.WriteLine($"{name}: {value.ToString("F0", CultureInfo.InvariantCulture)}");
        var file = Path.Combine(BrowserFixture.ArtifactsDirectory, "webui-performance.json");
        var figures = File.Exists(file) ? JsonSerializer.Deserialize<Dictionary<string, double>>(File.ReadAllText(file))! : [];
        figures[name] = Math.Round(value);
        File.WriteAllText(file, JsonSerializer.Serialize(figures, Indented));
    }
}
