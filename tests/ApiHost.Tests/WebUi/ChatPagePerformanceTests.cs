using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace LlmMultiChat.ApiHost.Tests.WebUi;

/// <summary>
/// The UI's budgets, measured in the browser: the chat page's first load with a cold cache, and the tab's memory after
/// a hundred streamed replies. Figures go to the test output and to JSON files under artifacts/ (docs/benchmarks.md).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ChatPagePerformanceTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string Lumina = "ルミナ";
    private const double FirstLoadBudgetMs = 1000;
    private const double MemoryBudgetBytes = 200 * 1024 * 1024;
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Fact]
    public async Task The_chat_page_loads_in_under_a_second_with_a_cold_cache()
    {
        if (browser.Skipped(output))
        {
            return;
        }

        await using var ui = await browser.OpenAsync();
        await ui.SignUpAsync("quinn");
        var id = await ui.StartConversationAsync("natural", Lumina);
        await ui.SendAsync("first load test");
        await Assertions.Expect(ui.Reply(Lumina)).ToHaveAttributeAsync("data-status", "complete");
        var session = await ui.Page.EvaluateAsync<string>("localStorage.getItem('llmmultichat.session')");

        // A new context has an empty HTTP cache; the session is handed over as a returning visitor would have it.
        await using var coldUi = await browser.OpenAsync();
        var cold = coldUi.Page;
        await cold.Context.AddInitScriptAsync($"localStorage.setItem('llmmultichat.session', {JsonSerializer.Serialize(session)});");
        await cold.GotoAsync($"/chat/{id}", new() { WaitUntil = WaitUntilState.Commit });
        await coldUi.WaitLiveAsync();
        await Assertions.Expect(coldUi.Reply(Lumina)).ToHaveAttributeAsync("data-status", "complete");
        // The page marks the moment the conversation is shown and followed live (navigation start = 0).
        var loadedMs = await cold.EvaluateAsync<double>("performance.getEntriesByName('llmmultichat:conversation-live')[0].startTime");
        var transferred = await cold.EvaluateAsync<double>("performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation')).reduce((sum, e) => sum + (e.transferSize || 0), 0)");

        Record("webui-first-load.json", ("chatFirstLoadMs", loadedMs), ("transferredBytes", transferred));
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

        await using var ui = await browser.OpenAsync();
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

        var rendererBytes = await LargestRendererPrivateBytesAsync();

        Record(
            "webui-memory-after-100-replies.json",
            ("jsHeapUsedBytes", metrics["JSHeapUsedSize"]),
            ("jsHeapTotalBytes", metrics["JSHeapTotalSize"]),
            ("domNodes", metrics["Nodes"]),
            ("rendererPrivateBytes", rendererBytes));
        Assert.True(metrics["JSHeapTotalSize"] < MemoryBudgetBytes, $"The tab's JavaScript heap is {metrics["JSHeapTotalSize"] / 1048576:F1} MB after 100 replies.");
        Assert.True(rendererBytes < MemoryBudgetBytes, $"The tab's renderer process holds {rendererBytes / 1048576:F1} MB of its own after 100 replies.");
    }

    /// <summary>
    /// The private memory (resident, not shared with other processes: what Chrome's task manager calls the memory
    /// footprint) of the largest renderer process, from Linux's /proc; the only page open is the test's, so the
    /// largest renderer is its tab.
    /// </summary>
    private async Task<double> LargestRendererPrivateBytesAsync()
    {
        var cdp = await browser.Browser.NewBrowserCDPSessionAsync();
        var processes = (await cdp.SendAsync("SystemInfo.getProcessInfo"))!.Value.GetProperty("processInfo").EnumerateArray();
        var largest = 0d;
        foreach (var process in processes.Where(p => p.GetProperty("type").GetString() == "renderer"))
        {
            var rollup = $"/proc/{process.GetProperty("id").GetInt32()}/smaps_rollup";
            if (File.Exists(rollup))
            {
                var privateKb = File.ReadLines(rollup)
                    .Where(l => l.StartsWith("Private_", StringComparison.Ordinal))
                    .Sum(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture));
                largest = Math.Max(largest, privateKb * 1024);
            }
        }

        Assert.True(largest > 0, "No renderer process was found to measure.");
        return largest;
    }

    /// <summary>Writes the figures to the test output and to artifacts/<paramref name="file"/>.</summary>
    private void Record(string file, params (string Name, double Value)[] figures)
    {
        foreach (var (name, value) in figures)
        {
            output.WriteLine($"{name}: {value.ToString("F0", CultureInfo.InvariantCulture)}");
        }

        var json = JsonSerializer.Serialize(figures.ToDictionary(f => f.Name, f => Math.Round(f.Value)), Indented);
        File.WriteAllText(Path.Combine(BrowserFixture.ArtifactsDirectory, file), json);
    }
}
