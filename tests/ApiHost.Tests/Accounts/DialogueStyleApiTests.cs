using System.Net;
using System.Text.Json;
using LlmMultiChat.ApiHost.Tests.Conversations.Support;
using LlmMultiChat.ApiHost.Tests.Infrastructure;

namespace LlmMultiChat.ApiHost.Tests.Accounts;

/// <summary>
/// The caller's dialogue style in GET auth/me follows what they said. Nobody else is shown it: there is no route to
/// another user's style, and the administrators' account list does not carry one.
/// </summary>
public sealed class DialogueStyleApiTests
{
    [Fact]
    public async Task Me_shows_the_callers_own_style_as_their_messages_moved_it()
    {
        await using var host = await ConversationHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");
        using var bob = await host.SignUpAsync("bob");
        var id = (await ConversationHost.CreateAsync(alice, "lumina")).String("id")!;
        await ConversationHost.InviteAsync(alice, id, bob);

        await ConversationHost.SendAsync(alice, id, "専門用語が多すぎる");
        await ConversationHost.SendAsync(alice, id, "やっぱり専門用語が多すぎる");

        var aliceStyle = await StyleAsync(alice);
        var bobStyle = await StyleAsync(bob);
        Assert.Equal(0.2, aliceStyle.GetProperty("technicalLevel").GetDouble(), 10);
        Assert.Equal(0.7, aliceStyle.GetProperty("empathy").GetDouble(), 10);
        Assert.Equal(["専門用語を避け、誰にでもわかる平易な言葉で説明してください。"], aliceStyle.GetProperty("instructions").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(0.5, bobStyle.GetProperty("technicalLevel").GetDouble(), 10);
        Assert.Empty(bobStyle.GetProperty("instructions").EnumerateArray());
    }

    private static async Task<JsonElement> StyleAsync(TestUser user)
    {
        using var me = await user.Client.GetAsync("/api/v1/auth/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        return (await me.ReadJsonAsync()).GetProperty("style");
    }
}
