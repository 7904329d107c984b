using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;

namespace LlmMultiChat.ApiHost.Tests.WebUi;

/// <summary>The chat page driven as a person would: by labels, roles and visible text.</summary>
internal sealed partial class ChatUi(IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    /// <summary>Closes the browser context, so its page stops talking to the server.</summary>
    public ValueTask DisposeAsync() => new(Page.Context.CloseAsync());

    public ILocator MessageBox => Page.GetByLabel("Message", new() { Exact = true });

    public ILocator Replies => Page.Locator("article.message.character");

    public ILocator Reply(string speakerName) => Replies.Filter(new() { Has = Page.Locator(".speaker", new() { HasTextString = speakerName }) });

    public async Task SignUpAsync(string username)
    {
        await Page.GotoAsync("/signup");
        await Page.GetByLabel("Username").FillAsync(username);
        await Page.GetByLabel("Email").FillAsync($"{username}@example.com");
        await Page.GetByLabel("Password").FillAsync("Correct-horse-1");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
        try
        {
            await Assertions.Expect(Page).ToHaveURLAsync(ChatUrl());
        }
        catch (PlaywrightException e)
        {
            throw new InvalidOperationException($"Signing up {username} did not reach /chat; the page shows: {await Page.Locator("body").InnerTextAsync()}", e);
        }
    }

    public async Task SignInAsync(string login, string password)
    {
        await Page.GotoAsync("/signin");
        await Page.GetByLabel("Username or email").FillAsync(login);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(ChatUrl());
    }

    /// <summary>Starts a conversation with these characters (by name) under <paramref name="policy"/>; returns its id.</summary>
    public async Task<string> StartConversationAsync(string policy, params string[] characterNames)
    {
        await Page.GetByText("New conversation").ClickAsync();
        foreach (var name in characterNames)
        {
            await Page.GetByLabel(name, new() { Exact = true }).CheckAsync();
        }

        await Page.GetByLabel("Who answers").SelectOptionAsync(policy);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(ConversationUrl());
        await WaitLiveAsync();
        return Page.Url[(Page.Url.LastIndexOf('/') + 1)..];
    }

    public Task WaitLiveAsync() => Assertions.Expect(Page.Locator(".link")).ToHaveTextAsync("Live");

    public async Task SendAsync(string text)
    {
        await MessageBox.FillAsync(text);
        await MessageBox.PressAsync("Enter");
        await Assertions.Expect(MessageBox).ToHaveValueAsync("");
    }

    /// <summary>Every text the reply showed so far, in order (see <see cref="PageProbes.RecordTexts"/>).</summary>
    public async Task<IReadOnlyList<string>> ShownTextsAsync(string messageId)
    {
        var json = await Page.EvaluateAsync<JsonElement>("id => window.__texts[id] ?? []", messageId);
        return [.. json.EnumerateArray().Select(t => t.GetString()!)];
    }

    /// <summary>Asserts the reply only ever grew toward <paramref name="final"/> and ends showing exactly it.</summary>
    public async Task AssertGrewToAsync(string messageId, string final)
    {
        var shown = await ShownTextsAsync(messageId);
        Assert.NotEmpty(shown);
        Assert.Equal(final, shown[^1]);
        Assert.All(shown, text => Assert.StartsWith(text, final, StringComparison.Ordinal));
    }

    [GeneratedRegex("/chat$")]
    private static partial Regex ChatUrl();

    [GeneratedRegex("/chat/[A-Za-z0-9_-]+$")]
    private static partial Regex ConversationUrl();
}
