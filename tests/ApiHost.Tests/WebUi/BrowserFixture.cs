using LlmMultiChat.ApiHost.Tests.Infrastructure;
using LlmMultiChat.ApiHost.WebUi;
using Microsoft.Playwright;
using Silo.Testing;
using Xunit;
using Xunit.Abstractions;

namespace LlmMultiChat.ApiHost.Tests.WebUi;

/// <summary>
/// One ApiHost on Kestrel (loopback, the fake LLM behind it) and one headless Debian chromium, shared by a test
/// class; each test opens its own browser context (its own storage, as another browser would). Chromium comes from
/// <c>CHROMIUM_PATH</c> or <c>/usr/bin/chromium</c>; Playwright never downloads one.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    // ARCHITECTURE §10; SwiftShader gives the 3D graph a WebGL context without a GPU.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
    ];

    private IPlaywright? _playwright;
    private ChatTestHost? _host;
    private IBrowser? _browser;

    /// <summary>Why the browser tests cannot run here (no chromium, or the UI was not built); null when they can.</summary>
    public string? Missing { get; private set; }

    internal ChatTestHost Host => _host ?? throw new InvalidOperationException(Missing);

    public IBrowser Browser => _browser ?? throw new InvalidOperationException(Missing);

    public string BaseUrl => Host.KestrelAddress.ToString().TrimEnd('/');

    /// <summary>True (with the reason written, or thrown in CI) when the browser tests cannot run here.</summary>
    public bool Skipped(ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (Missing is null)
        {
            return false;
        }

        Prerequisite.NotMet(output.WriteLine, Missing);
        return true;
    }

    /// <summary>Where screenshots go: artifacts/ at the repository root, which CI keeps.</summary>
    public static string ArtifactsDirectory => Directory.CreateDirectory(Path.Combine(TestMachine.RepositoryRoot(), "artifacts")).FullName;

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            Missing = $"Chromium is needed at {chromium} (apt-get install chromium, or set CHROMIUM_PATH).";
            return;
        }

        if (!File.Exists(Path.Combine(TestMachine.RepositoryRoot(), "ApiHost", WebUiSetup.DistPath, "index.html")))
        {
            Missing = "The web UI is not built: build ApiHost with Node.js and npm on PATH.";
            return;
        }

        _host = await ChatTestHost.StartAsync(
            [("RateLimits:SendMessage:PermitLimit", "0"), ("RateLimits:Refresh:PermitLimit", "0")],
            configureServices: null,
            tokensPerSecond: 200,
            onKestrel: true);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ChromiumArgs });
        // Expectations wait for what the page will do; 5 s (Playwright's default) is too short on two cores while the
        // other test assemblies run alongside (a 3-second streamed reply then finishes after it).
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    /// <summary>A fresh browser (own cookies, storage and cache) on the host, Japanese locale, at <paramref name="width"/> px; disposing it closes it.</summary>
    internal async Task<ChatUi> OpenAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, Locale = "ja-JP", ViewportSize = new() { Width = width, Height = height } });
        context.SetDefaultTimeout(15_000);
        await context.AddInitScriptAsync(PageProbes.RecordTexts);
        return new ChatUi(await context.NewPageAsync());
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
