using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using LlmMultiChat.FakeLlm.Scripting;
using LlmMultiChat.Grains.Conversations;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace LlmMultiChat.ApiHost.Tests.WebUi;

/// <summary>
/// The web UI in headless chromium against the real ApiHost on loopback with the fake LLM: signing up, group chat
/// streamed token by token, resuming after a reload, interrupting, safe markdown, the side panel and who may see what.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ChatPageTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string Lumina = "ルミナ";
    private const string Clarisse = "クラリス";

    [Fact]
    public async Task A_new_user_starts_a_group_conversation_and_both_replies_stream_in_with_their_names_and_a_tab_each()
    {
        if (Skipped())
        {
            return;
        }

        await using var ui = await OpenAsync();
        await ui.SignUpAsync("grace");
        var id = await ui.StartConversationAsync("all", Lumina, Clarisse);
        var words = "Hello from the fake model, streamed one word at a time for the group: " + string.Join(' ', Enumerable.Range(1, 16).Select(i => $"token{i}"));
        browser.Host.Llm.Script(FakeReply.Text(words).AtRate(10), r => r.LastUserMessage.Contains("group-hello", StringComparison.Ordinal));

        await ui.SendAsync("group-hello みなさん、こんにちは");

        await Assertions.Expect(ui.Replies).ToHaveCountAsync(2);
        foreach (var name in new[] { Lumina, Clarisse })
        {
            await Assertions.Expect(ui.Reply(name)).ToHaveAttributeAsync("data-status", "complete");
        }

        var stored = (await browser.Host.Conversation(id).Messages(null, 10)).Where(m => m.SpeakerKind == SpeakerKind.Character).ToList();
        Assert.Equal([Clarisse, Lumina], stored.Select(m => m.SpeakerName).Order());
        foreach (var reply in stored)
        {
            await ui.AssertGrewToAsync(reply.Id, reply.Content);
            var partial = (await ui.ShownTextsAsync(reply.Id)).Count(t => t.Length > 0 && t.Length < reply.Content.Length);
            Assert.True(partial >= 2, $"{reply.SpeakerName}'s reply was shown only {partial} time(s) before it was complete.");
        }

        await Assertions.Expect(ui.Page.Locator("article.message.human .content")).ToHaveTextAsync("group-hello みなさん、こんにちは");

        // The side panel has a tab per character; arrow keys move between them.
        var tabs = ui.Page.GetByRole(AriaRole.Tablist, new() { Name = "Characters" });
        await tabs.GetByRole(AriaRole.Tab).First.FocusAsync();
        await ui.Page.Keyboard.PressAsync("ArrowRight");
        var luminaTab = tabs.GetByRole(AriaRole.Tab, new() { Name = Lumina });
        await Assertions.Expect(luminaTab).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(luminaTab).ToBeFocusedAsync();
        await ui.Page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "webui-group-chat.png"), FullPage = true });
    }

    [Fact]
    public async Task Reloading_mid_stream_finishes_the_reply_once_without_losing_or_repeating_text()
    {
        if (Skipped())
        {
            return;
        }

        await using var ui = await OpenAsync();
        await ui.SignUpAsync("heidi");
        var id = await ui.StartConversationAsync("natural", Lumina);
        var words = string.Join(' ', Enumerable.Range(1, 40).Select(i => $"word{i}"));
        browser.Host.Llm.Script(FakeReply.Text(words).AtRate(10), r => r.LastUserMessage.Contains("reload-me", StringComparison.Ordinal));

        await ui.SendAsync("reload-me please");
        var reply = ui.Reply(Lumina);
        await Assertions.Expect(reply.Locator(".content")).ToContainTextAsync("word3");
        await Assertions.Expect(reply).ToHaveAttributeAsync("data-status", "streaming");

        await ui.Page.ReloadAsync();

        await Assertions.Expect(reply).ToHaveAttributeAsync("data-status", "complete", new() { Timeout = 20_000 });
        await Assertions.Expect(ui.Replies).ToHaveCountAsync(1);
        var stored = (await browser.Host.Conversation(id).Messages(null, 10)).Single(m => m.SpeakerKind == SpeakerKind.Character);
        Assert.Equal(words, stored.Content);
        await ui.AssertGrewToAsync(stored.Id, words); // every state shown since the reload was a prefix of the reply
    }

    [Fact]
    public async Task A_dropped_connection_reconnects_and_the_reply_finishes_without_gaps_or_repeats()
    {
        if (Skipped())
        {
            return;
        }

        await using var ui = await OpenAsync();
        var sockets = new List<IWebSocketRoute>();
        await ui.Page.RouteWebSocketAsync(HubSocket(), socket =>
        {
            socket.ConnectToServer();
            lock (sockets)
            {
                sockets.Add(socket);
            }
        });
        await ui.SignUpAsync("hana");
        var id = await ui.StartConversationAsync("natural", Lumina);
        var words = string.Join(' ', Enumerable.Range(1, 40).Select(i => $"piece{i}"));
        browser.Host.Llm.Script(FakeReply.Text(words).AtRate(10), r => r.LastUserMessage.Contains("drop-me", StringComparison.Ordinal));

        await ui.SendAsync("drop-me now");
        var reply = ui.Reply(Lumina);
        await Assertions.Expect(reply.Locator(".content")).ToContainTextAsync("piece3");
        IWebSocketRoute dropped;
        lock (sockets)
        {
            dropped = sockets[^1];
        }

        await dropped.CloseAsync(new() { Code = 4000, Reason = "dropped by the test" });

        await Assertions.Expect(reply).ToHaveAttributeAsync("data-status", "complete", new() { Timeout = 20_000 });
        await ui.WaitLiveAsync();
        lock (sockets)
        {
            Assert.True(sockets.Count >= 2, "The page did not open a new hub connection after the drop.");
        }

        await Assertions.Expect(ui.Replies).ToHaveCountAsync(1);
        var stored = (await browser.Host.Conversation(id).Messages(null, 10)).Single(m => m.SpeakerKind == SpeakerKind.Character);
        Assert.Equal(words, stored.Content);
        await ui.AssertGrewToAsync(stored.Id, words);
    }

    [Fact]
    public async Task An_invited_person_sees_the_conversation_and_their_typing_shows_to_the_owner()
    {
        if (Skipped())
        {
            return;
        }

        await using var owner = await OpenAsync();
        await owner.SignUpAsync("umi");
        await using var guest = await OpenAsync();
        await guest.SignUpAsync("vera");
        var id = await owner.StartConversationAsync("natural", Lumina);
        await owner.Page.Locator("summary", new() { HasTextString = "Invite" }).ClickAsync();
        await owner.Page.GetByLabel("Username to invite").FillAsync("vera");
        await owner.Page.GetByRole(AriaRole.Button, new() { Name = "Invite", Exact = true }).ClickAsync();
        await Assertions.Expect(owner.Page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "vera" })).ToHaveTextAsync("vera can now open this conversation.");

        await guest.Page.GotoAsync($"/chat/{id}");
        await guest.WaitLiveAsync();
        await guest.MessageBox.PressSequentiallyAsync("こんに");

        await Assertions.Expect(owner.Page.Locator(".typing")).ToHaveTextAsync("vera is typing…");
    }

    [Fact]
    public async Task Stop_interrupts_the_stream_and_the_partial_reply_is_shown_as_interrupted()
    {
        if (Skipped())
        {
            return;
        }

        await using var ui = await OpenAsync();
        await ui.SignUpAsync("ivan");
        var id = await ui.StartConversationAsync("natural", Lumina);
        var words = string.Join(' ', Enumerable.Range(1, 300).Select(i => $"w{i}"));
        browser.Host.Llm.Script(FakeReply.Text(words).AtRate(10), r => r.LastUserMessage.Contains("stop-me", StringComparison.Ordinal));

        await ui.SendAsync("stop-me soon");
        var reply = ui.Reply(Lumina);
        await Assertions.Expect(reply.Locator(".content")).ToContainTextAsync("w2");
        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Stop", Exact = true }).ClickAsync();

        await Assertions.Expect(reply).ToHaveAttributeAsync("data-status", "interrupted");
        await Assertions.Expect(reply.Locator(".badge")).ToHaveTextAsync("interrupted");
        var stored = (await browser.Host.Conversation(id).Messages(null, 10)).Single(m => m.SpeakerKind == SpeakerKind.Character);
        Assert.Equal(MessageStatus.Interrupted, stored.Status);
        Assert.True(stored.Content.Length < words.Length);
        await Assertions.Expect(reply.Locator(".content")).ToHaveTextAsync(stored.Content);
        await Assertions.Expect(ui.Page.GetByRole(AriaRole.Button, new() { Name = "Stop", Exact = true })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Html_and_javascript_links_in_replies_and_messages_render_inert()
    {
        if (Skipped())
        {
            return;
        }

        await using var ui = await OpenAsync();
        var dialogs = 0;
        ui.Page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };
        await ui.SignUpAsync("judy");
        var id = await ui.StartConversationAsync("natural", Lumina);
        browser.Host.Llm.Script(
            FakeReply.Text("Look <img src=x onerror=alert(1)> and [click me](javascript:alert(1)) and <a href=\"javascript:alert(1)\">raw</a> **bold** [site](https://example.com)"),
            r => r.LastUserMessage.Contains("inert-test", StringComparison.Ordinal));

        await ui.SendAsync("inert-test <img src=x onerror=alert(2)> [me](javascript:alert(2)) <script>alert(3)</script>");
        var reply = ui.Reply(Lumina);
        await Assertions.Expect(reply).ToHaveAttributeAsync("data-status", "complete");

        var messages = ui.Page.Locator(".messages");
        await Assertions.Expect(reply.Locator(".content strong")).ToHaveTextAsync("bold");
        await Assertions.Expect(reply.Locator(".content a", new() { HasTextString = "site" })).ToHaveAttributeAsync("href", "https://example.com");
        Assert.Equal(0, await messages.Locator(".content img, .content script").CountAsync());
        var unsafeLinks = await messages.Locator(".content a").EvaluateAllAsync<int>("links => links.filter(a => a.hasAttribute('href') && !/^https?:/.test(a.getAttribute('href'))).length");
        Assert.Equal(0, unsafeLinks);
        var handlers = await messages.EvaluateAsync<int>("root => [...root.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length");
        Assert.Equal(0, handlers);
        await reply.Locator(".content a", new() { HasTextString = "click me" }).ClickAsync();
        Assert.EndsWith($"/chat/{id}", ui.Page.Url, StringComparison.Ordinal);
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task The_side_panel_draws_the_association_graph_follows_the_topic_counts_a_thumbs_up_and_moves_the_emotion_bars()
    {
        if (Skipped())
        {
            return;
        }

        await using var ui = await OpenAsync();
        await ui.SignUpAsync("kim");
        await ui.StartConversationAsync("natural", Lumina);
        foreach (var text in new[] { "ocean waves and the sandy beach", "the ocean beach at sunset", "sunset over the ocean and the beach" })
        {
            await ui.SendAsync(text);
            await Assertions.Expect(ui.Replies.Last).ToHaveAttributeAsync("data-status", "complete");
        }

        await Assertions.Expect(ui.Replies).ToHaveCountAsync(3);
        var graph = ui.Page.Locator(".graph-canvas");
        await Assertions.Expect(graph).Not.ToHaveAttributeAsync("data-nodes", "0");
        await Assertions.Expect(graph.Locator("canvas").First).ToBeVisibleAsync();
        await Assertions.Expect(ui.Page.GetByRole(AriaRole.Region, new() { Name = "Association graph" })).ToContainTextAsync("ocean");
        var colours = await PageImages.DistinctColoursAsync(ui.Page, await graph.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "webui-graph.png") }));
        Assert.True(colours > 3, $"The graph's canvas looks blank ({colours} colours).");

        // It follows the topic (the last message's longest word it knows); a node re-centres it, here from the keyboard.
        var graphRegion = ui.Page.GetByRole(AriaRole.Region, new() { Name = "Association graph" });
        await Assertions.Expect(graphRegion.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Associations: sunset");
        await graphRegion.GetByRole(AriaRole.Button, new() { Name = "ocean," }).FocusAsync();
        await ui.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(graphRegion.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Associations: ocean");

        // The sliders: at threshold 1 no edge is strong enough and only the centre is left; at depth 1 nothing is further than a hop.
        await graphRegion.GetByLabel(ThresholdSlider()).FillAsync("1");
        await Assertions.Expect(graph).ToHaveAttributeAsync("data-nodes", "1");
        await graphRegion.GetByLabel(ThresholdSlider()).FillAsync("0");
        await Assertions.Expect(graph).Not.ToHaveAttributeAsync("data-nodes", "1");
        await graphRegion.GetByLabel(DepthSlider()).FillAsync("1");
        await Assertions.Expect(graphRegion.GetByLabel(DepthSlider())).ToHaveValueAsync("1");
        await Assertions.Expect(graphRegion.GetByRole(AriaRole.Button, new() { NameRegex = HopsBeyondOne() })).ToHaveCountAsync(0);
        await Assertions.Expect(graphRegion.GetByRole(AriaRole.Button, new() { NameRegex = OneHop() }).First).ToBeAttachedAsync();

        // 👍 on a reply is worth 10 XP, and the panel shows it.
        var xp = ui.Page.Locator("[data-xp]");
        var xpBefore = int.Parse(await xp.InnerTextAsync(), CultureInfo.InvariantCulture);
        await ui.Replies.Last.GetByRole(AriaRole.Button, new() { Name = "Good reply" }).ClickAsync();
        await Assertions.Expect(ui.Replies.Last.GetByRole(AriaRole.Button, new() { Name = "Good reply" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(xp).ToHaveTextAsync((xpBefore + 10).ToString(CultureInfo.InvariantCulture));

        var bars = ui.Page.Locator("meter.bar");
        await Assertions.Expect(bars).ToHaveCountAsync(8);
        var before = await bars.EvaluateAllAsync<double[]>("meters => meters.map(m => m.value)");
        await ui.SendAsync("ありがとう！本当に嬉しい、最高の一日！");
        await ui.Page.WaitForFunctionAsync(
            "before => [...document.querySelectorAll('meter.bar')].some((m, i) => Math.abs(m.value - before[i]) > 0.001)",
            before);
        var joy = await ui.Page.Locator("meter.bar.joy").EvaluateAsync<double>("m => m.value");
        Assert.True(joy > before[0], $"Joy did not rise ({before[0]} → {joy}).");
        await ui.Page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "webui-chat.png"), FullPage = true });
    }

    [Fact]
    public async Task The_memories_panel_shows_what_the_character_keeps_of_me_and_forgets_what_I_delete()
    {
        if (Skipped())
        {
            return;
        }

        const string Fact = "私の犬の名前はポチです";
        await using var ui = await OpenAsync();
        await ui.SignUpAsync("ines");
        await ui.StartConversationAsync("natural", Lumina);
        var memories = ui.Page.GetByRole(AriaRole.Region, new() { Name = "Memories" });
        await Assertions.Expect(memories).ToContainTextAsync("Nothing remembered yet.");

        await ui.SendAsync(Fact);
        await Assertions.Expect(ui.Replies.Last).ToHaveAttributeAsync("data-status", "complete");
        await Assertions.Expect(memories).ToContainTextAsync(Fact);
        await memories.GetByRole(AriaRole.Button, new() { Name = "Forget: " + Fact }).ClickAsync();
        await Assertions.Expect(memories).Not.ToContainTextAsync(Fact);
        await ui.Page.ReloadAsync();

        await Assertions.Expect(ui.Page.GetByRole(AriaRole.Region, new() { Name = "Memories" })).ToContainTextAsync("Nothing remembered yet.");
    }

    [Fact]
    public async Task When_the_model_fails_the_reply_says_so_and_what_to_do()
    {
        if (Skipped())
        {
            return;
        }

        await using var ui = await OpenAsync();
        await ui.SignUpAsync("wren");
        await ui.StartConversationAsync("natural", Lumina);
        browser.Host.Llm.Script(FakeReply.Error(500, "model server down"), r => r.LastUserMessage.Contains("fail-me", StringComparison.Ordinal));

        await ui.SendAsync("fail-me please");

        var reply = ui.Reply(Lumina);
        await Assertions.Expect(reply).ToHaveAttributeAsync("data-status", "failed");
        await Assertions.Expect(reply.Locator(".badge")).ToHaveTextAsync("failed");
        await Assertions.Expect(reply.Locator(".failure")).ToContainTextAsync("an administrator should check that Ollama or the configured provider is running");
    }

    [Fact]
    public async Task The_session_refreshes_its_tokens_in_the_background_keeps_working_and_ends_on_sign_out()
    {
        if (Skipped())
        {
            return;
        }

        await using var ui = await OpenAsync();
        await ui.SignUpAsync("xena");
        var id = await ui.StartConversationAsync("natural", Lumina);
        const string ReadSession = "JSON.parse(localStorage.getItem('llmmultichat.session'))";
        var before = await ui.Page.EvaluateAsync<string>($"{ReadSession}.refreshToken");

        // Pretend the access token is about to expire: the page must refresh it by itself, with no request failing.
        await ui.Page.EvaluateAsync($"localStorage.setItem('llmmultichat.session', JSON.stringify({{ ...{ReadSession}, expiresAt: Date.now() + 30000 }}))");
        await ui.Page.ReloadAsync();
        await ui.Page.WaitForFunctionAsync($"before => {ReadSession}.refreshToken !== before", before);

        await ui.WaitLiveAsync();
        await ui.SendAsync("still signed in?");
        await Assertions.Expect(ui.Reply(Lumina)).ToHaveAttributeAsync("data-status", "complete");
        var stored = await browser.Host.Conversation(id).Messages(null, 10);
        Assert.Equal(2, stored.Count);

        // Signing out forgets the session here and ends it on the server.
        var refreshToken = await ui.Page.EvaluateAsync<string>($"{ReadSession}.refreshToken");
        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(ui.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        Assert.Null(await ui.Page.EvaluateAsync<string?>("localStorage.getItem('llmmultichat.session')"));
        using var http = new HttpClient { BaseAddress = browser.Host.KestrelAddress };
        using var refreshed = await http.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, refreshed.StatusCode);
    }

    [Fact]
    public async Task Another_user_cannot_open_the_first_users_conversation_by_its_url()
    {
        if (Skipped())
        {
            return;
        }

        await using var owner = await OpenAsync();
        await owner.SignUpAsync("leo");
        var id = await owner.StartConversationAsync("natural", Lumina);
        await owner.SendAsync("leo-private-plan");
        await Assertions.Expect(owner.Replies).ToHaveCountAsync(1);

        await using var other = await OpenAsync();
        await other.SignUpAsync("mallory");
        await other.Page.GotoAsync($"/chat/{id}");

        await Assertions.Expect(other.Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("This conversation does not exist, or you are not part of it.");
        await Assertions.Expect(other.Page.GetByText("leo-private-plan")).ToHaveCountAsync(0);
        await Assertions.Expect(other.MessageBox).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task At_360_px_the_chat_fits_and_works_from_the_keyboard_with_mention_completion()
    {
        if (Skipped())
        {
            return;
        }

        await using var ui = await OpenAsync(width: 360, height: 740);
        await ui.SignUpAsync("nina");
        await ui.StartConversationAsync("manual", Lumina, Clarisse);

        await ui.MessageBox.FocusAsync();
        await ui.Page.Keyboard.TypeAsync("@ク");
        await Assertions.Expect(ui.Page.GetByRole(AriaRole.Option, new() { Name = "@クラリス" })).ToBeVisibleAsync();
        await ui.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(ui.MessageBox).ToHaveValueAsync("@クラリス ");
        await ui.Page.Keyboard.TypeAsync("日本語 で お願い します");
        await ui.Page.Keyboard.PressAsync("Enter");

        var reply = ui.Reply(Clarisse);
        await Assertions.Expect(reply).ToHaveAttributeAsync("data-status", "complete");
        await Assertions.Expect(reply.Locator(".content")).ToContainTextAsync("日本語 で お願い します");
        await Assertions.Expect(ui.Reply(Lumina)).ToHaveCountAsync(0);
        var overflow = await ui.Page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page scrolls sideways by {overflow} px at 360 px.");
        await ui.Page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "webui-chat-360px.png") });
    }

    private bool Skipped() => browser.Skipped(output);

    [GeneratedRegex("/hubs/chat")]
    private static partial Regex HubSocket();

    [GeneratedRegex("^Threshold")]
    private static partial Regex ThresholdSlider();

    [GeneratedRegex("^Depth")]
    private static partial Regex DepthSlider();

    [GeneratedRegex(", [2-9] hops,")]
    private static partial Regex HopsBeyondOne();

    [GeneratedRegex(", 1 hops,")]
    private static partial Regex OneHop();

    private Task<ChatUi> OpenAsync(int width = 1280, int height = 900) => browser.OpenAsync(width, height);
}
