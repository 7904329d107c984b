using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using LlmMultiChat.ApiHost.Tests.Conversations.Support;
using LlmMultiChat.ApiHost.Tests.Infrastructure;
using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace LlmMultiChat.ApiHost.Tests.Conversations;

/// <summary>Creating, listing, reading, changing and deleting conversations, and who takes part in them.</summary>
public sealed partial class ConversationRoutesTests
{
    private const string Path = ConversationHost.ConversationsPath;

    [Fact]
    public async Task Creating_a_conversation_makes_the_caller_its_owner_and_answers_201_with_where_it_is()
    {
        await using var host = await ConversationHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");

        string[] characterIds = ["lumina", "nox"];
        using var created = await alice.Client.PostAsJsonAsync(Path, new { characterIds, title = "夜の相談", policy = "list", maxAutoTurns = 5 });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var conversation = await created.ReadJsonAsync();
        var id = conversation.String("id")!;
        Assert.Matches(UrlSafeId(), id);
        Assert.Equal($"{Path}/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal(("夜の相談", "list", 5, alice.Id), (conversation.String("title"), conversation.String("policy"), conversation.GetProperty("maxAutoTurns").GetInt32(), conversation.String("ownerId")));
        Assert.Equal(["lumina:ルミナ", "nox:ノクス"], Members(conversation, "characters"));
        Assert.Equal([$"{alice.Id}:alice"], Members(conversation, "humans"));
        Assert.Equal((0, false), (conversation.GetProperty("lastSeq").GetInt64(), conversation.GetProperty("isGenerating").GetBoolean()));
        Assert.True(conversation.TryGetProperty("createdAt", out _));
        using var read = await alice.Client.GetAsync(created.Headers.Location);
        Assert.Equal(conversation.GetRawText(), (await read.ReadJsonAsync()).GetRawText());
    }

    [Fact]
    public async Task A_new_conversation_defaults_to_its_characters_names_the_natural_policy_and_three_follow_ups()
    {
        await using var host = await ConversationHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");

        var conversation = await ConversationHost.CreateAsync(alice, "lumina", "nox");

        Assert.Equal(("ルミナ、ノクス", "natural", 3), (conversation.String("title"), conversation.String("policy"), conversation.GetProperty("maxAutoTurns").GetInt32()));
        Assert.NotEqual(conversation.String("id"), (await ConversationHost.CreateAsync(alice, "lumina")).String("id"));
    }

    [Fact]
    public async Task Characters_the_caller_may_not_read_are_refused_exactly_like_unknown_ones()
    {
        await using var host = await ConversationHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");
        using var bob = await host.SignUpAsync("bob");
        await host.Grains.GetGrain<ICharacterGrain>("secret").Create(UpstreamCharacters.Nox with { Name = "ひみつ", Aliases = [] }, bob.Id, CharacterVisibility.Private);
        var mine = (await ConversationHost.CreateAsync(alice, "lumina")).String("id");

        string[] withPrivate = ["lumina", "secret"], withUnknown = ["lumina", "ghost"], onlyPrivate = ["secret"];
        var privateOne = await ProblemWithoutTraceAsync(await alice.Client.PostAsJsonAsync(Path, new { characterIds = withPrivate }));
        var unknownOne = await ProblemWithoutTraceAsync(await alice.Client.PostAsJsonAsync(Path, new { characterIds = withUnknown }));
        var patched = await ProblemWithoutTraceAsync(await alice.Client.PatchAsJsonAsync($"{Path}/{mine}", new { characterIds = onlyPrivate }));

        Assert.Equal((400, "E4000"), (privateOne.GetProperty("status").GetInt32(), privateOne.String("code")));
        Assert.Equal(unknownOne.GetRawText().Replace("ghost", "secret", StringComparison.Ordinal), privateOne.GetRawText());
        Assert.Equal(privateOne.GetRawText(), patched.GetRawText());
        Assert.Single((await ListAsync(alice)).GetProperty("conversations").EnumerateArray());
        Assert.Equal(["lumina"], Members(await ConversationHost.SuccessJsonAsync(await alice.Client.GetAsync($"{Path}/{mine}")), "characters").Select(m => m.Split(':')[0]));
        Assert.Equal(["secret:ひみつ"], Members(await ConversationHost.CreateAsync(bob, "secret"), "characters"));
        Assert.Equal(["secret:ひみつ"], Members(await ConversationHost.CreateAsync(host.Admin, "secret"), "characters"));
    }

    [Theory]
    [InlineData("""{"characterIds":[]}""", "characterIds")]
    [InlineData("""{"characterIds":[" "]}""", "characterIds")]
    [InlineData("""{"characterIds":["lumina"],"maxAutoTurns":-1}""", null)]
    [InlineData("""{"characterIds":["lumina"],"title":""}""", null)]
    public async Task Bad_settings_are_refused_with_400_and_create_nothing(string body, string? field)
    {
        await using var host = await ConversationHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");

        using var response = await alice.Client.PostAsync(Path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ReadJsonAsync();
        Assert.Equal((HttpStatusCode.BadRequest, "E4000"), (response.StatusCode, problem.String("code")));
        Assert.Equal(field is not null, field is not null && problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Empty((await ListAsync(alice)).GetProperty("conversations").EnumerateArray());
    }

    [Fact]
    public async Task The_list_has_the_conversations_the_caller_owns_or_was_invited_to_newest_first()
    {
        await using var host = await ConversationHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");
        using var bob = await host.SignUpAsync("bob");
        using var carol = await host.SignUpAsync("carol");
        var first = (await ConversationHost.CreateAsync(alice, "lumina")).String("id");
        var invited = (await ConversationHost.CreateAsync(bob, "nox")).String("id")!;
        await ConversationHost.InviteAsync(bob, invited, alice);
        var others = (await ConversationHost.CreateAsync(carol, "clarisse")).String("id");

        var list = (await ListAsync(alice)).GetProperty("conversations").EnumerateArray().ToList();

        Assert.Equal([invited, first], list.Select(c => c.String("id")));
        Assert.DoesNotContain(others, list.Select(c => c.String("id")));
        Assert.Equal([$"{bob.Id}:bob", $"{alice.Id}:alice"], Members(list[0], "humans"));
        Assert.Equal([others], (await ListAsync(carol)).GetProperty("conversations").EnumerateArray().Select(c => c.String("id")));
    }

    [Fact]
    public async Task Patch_changes_only_the_fields_it_names()
    {
        await using var host = await ConversationHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");
        var id = (await ConversationHost.CreateAsync(alice, "lumina")).String("id");

        var renamed = await ConversationHost.SuccessJsonAsync(await alice.Client.PatchAsJsonAsync($"{Path}/{id}", new { title = "新しい題" }));
        string[] characterIds = ["nox", "clarisse"];
        var changed = await ConversationHost.SuccessJsonAsync(await alice.Client.PatchAsJsonAsync($"{Path}/{id}", new { policy = "all", maxAutoTurns = 0, characterIds }));
        using var unknownPolicy = await alice.Client.PatchAsJsonAsync($"{Path}/{id}", new { policy = "sometimes" });

        Assert.Equal(("新しい題", "natural", 3), (renamed.String("title"), renamed.String("policy"), renamed.GetProperty("maxAutoTurns").GetInt32()));
        Assert.Equal(("新しい題", "all", 0), (changed.String("title"), changed.String("policy"), changed.GetProperty("maxAutoTurns").GetInt32()));
        Assert.Equal(["nox:ノクス", "clarisse:クラリス"], Members(changed, "characters"));
        Assert.Equal((HttpStatusCode.BadRequest, "E4002"), (unknownPolicy.StatusCode, (await unknownPolicy.ReadJsonAsync()).String("code")));
        Assert.Equal(changed.GetRawText(), (await ConversationHost.SuccessJsonAsync(await alice.Client.GetAsync($"{Path}/{id}"))).GetRawText());
    }

    [Fact]
    public async Task Deleting_a_conversation_removes_it_its_messages_and_its_place_in_every_participants_list()
    {
        await using var host = await ConversationHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");
        using var bob = await host.SignUpAsync("bob");
        var id = (await ConversationHost.CreateAsync(alice, "lumina")).String("id")!;
        await ConversationHost.InviteAsync(alice, id, bob);
        await ConversationHost.SendAsync(alice, id, "消える前に");

        using var deleted = await alice.Client.DeleteAsync($"{Path}/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var read = await alice.Client.GetAsync($"{Path}/{id}");
        Assert.Equal((HttpStatusCode.NotFound, "E4040"), (read.StatusCode, (await read.ReadJsonAsync()).String("code")));
        Assert.Empty((await ListAsync(alice)).GetProperty("conversations").EnumerateArray());
        Assert.Empty((await ListAsync(bob)).GetProperty("conversations").EnumerateArray());
        Assert.Empty(await host.Factory.Services.GetRequiredService<IConversationLog>().ReadAsync(id, null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task An_admin_who_does_not_take_part_deletes_a_users_conversation()
    {
        await using var host = await ConversationHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");
        var id = (await ConversationHost.CreateAsync(alice, "lumina")).String("id")!;

        using var deleted = await host.Admin.Client.DeleteAsync($"{Path}/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var read = await alice.Client.GetAsync($"{Path}/{id}");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Empty((await ListAsync(alice)).GetProperty("conversations").EnumerateArray());
    }

    [Fact]
    public async Task An_owner_invites_by_username_and_two_humans_share_the_conversation()
    {
        await using var host = await ConversationHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");
        using var bob = await host.SignUpAsync("bob");
        var id = (await ConversationHost.CreateAsync(alice, "lumina")).String("id")!;

        using var invited = await alice.Client.PostAsJsonAsync($"{Path}/{id}/participants", new { username = "BOB" });

        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        Assert.Equal([$"{alice.Id}:alice", $"{bob.Id}:bob"], Members(await invited.ReadJsonAsync(), "humans"));
        await ConversationHost.SendAsync(alice, id, "ボブを招待したよ");
        var bobs = await ConversationHost.SendAsync(bob, id, "こんにちは、ボブです");
        Assert.Equal((bob.Id, "bob"), (bobs.GetProperty("message").String("speakerId"), bobs.GetProperty("message").String("speakerName")));
        Assert.Contains("bob: こんにちは、ボブです", bobs.GetProperty("replies")[0].String("content"), StringComparison.Ordinal);
        var seenByAlice = (await ConversationHost.MessagesAsync(alice, id)).GetProperty("messages").EnumerateArray().Select(m => m.String("speakerId")).ToList();
        Assert.Equal([alice.Id, "lumina", bob.Id, "lumina"], seenByAlice);
    }

    [Theory]
    [InlineData("nobody")]
    [InlineData("bob@example.com")]
    [InlineData(" ")]
    public async Task Inviting_an_unknown_username_or_an_email_finds_no_account(string username)
    {
        await using var host = await ConversationHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");
        using var bob = await host.SignUpAsync("bob");
        var id = (await ConversationHost.CreateAsync(alice, "lumina")).String("id")!;

        using var response = await alice.Client.PostAsJsonAsync($"{Path}/{id}/participants", new { username });

        var expected = string.IsNullOrWhiteSpace(username) ? (HttpStatusCode.BadRequest, "E4000") : (HttpStatusCode.NotFound, "E4040");
        Assert.Equal(expected, (response.StatusCode, (await response.ReadJsonAsync()).String("code")));
        Assert.Equal([$"{alice.Id}:alice"], Members(await ConversationHost.SuccessJsonAsync(await alice.Client.GetAsync($"{Path}/{id}")), "humans"));
    }

    [Fact]
    public async Task A_participant_can_leave_and_then_no_longer_sees_the_conversation()
    {
        await using var host = await ConversationHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");
        using var bob = await host.SignUpAsync("bob");
        var id = (await ConversationHost.CreateAsync(alice, "lumina")).String("id")!;
        await ConversationHost.InviteAsync(alice, id, bob);

        using var left = await bob.Client.DeleteAsync($"{Path}/{id}/participants/{bob.Id}");

        Assert.Equal(HttpStatusCode.NoContent, left.StatusCode);
        using var read = await bob.Client.GetAsync($"{Path}/{id}");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Empty((await ListAsync(bob)).GetProperty("conversations").EnumerateArray());
        Assert.Equal([$"{alice.Id}:alice"], Members(await ConversationHost.SuccessJsonAsync(await alice.Client.GetAsync($"{Path}/{id}")), "humans"));
    }

    [Fact]
    public async Task The_owner_removes_others_but_cannot_be_removed_or_leave()
    {
        await using var host = await ConversationHost.StartAsync();
        using var alice = await host.SignUpAsync("alice");
        using var bob = await host.SignUpAsync("bob");
        var id = (await ConversationHost.CreateAsync(alice, "lumina")).String("id")!;
        await ConversationHost.InviteAsync(alice, id, bob);

        using var ownerLeaves = await alice.Client.DeleteAsync($"{Path}/{id}/participants/{alice.Id}");
        using var adminRemovesOwner = await host.Admin.Client.DeleteAsync($"{Path}/{id}/participants/{alice.Id}");
        using var removed = await alice.Client.DeleteAsync($"{Path}/{id}/participants/{bob.Id}");
        using var removedAgain = await alice.Client.DeleteAsync($"{Path}/{id}/participants/{bob.Id}");

        Assert.Equal((HttpStatusCode.Conflict, "E4090"), (ownerLeaves.StatusCode, (await ownerLeaves.ReadJsonAsync()).String("code")));
        Assert.Equal((HttpStatusCode.Conflict, "E4090"), (adminRemovesOwner.StatusCode, (await adminRemovesOwner.ReadJsonAsync()).String("code")));
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal((HttpStatusCode.NotFound, "E4040"), (removedAgain.StatusCode, (await removedAgain.ReadJsonAsync()).String("code")));
        Assert.Equal([$"{alice.Id}:alice"], Members(await ConversationHost.SuccessJsonAsync(await alice.Client.GetAsync($"{Path}/{id}")), "humans"));
        Assert.Empty((await ListAsync(bob)).GetProperty("conversations").EnumerateArray());
    }

    private static async Task<JsonElement> ListAsync(TestUser user) => await ConversationHost.SuccessJsonAsync(await user.Client.GetAsync(Path));

    private static List<string> Members(JsonElement conversation, string kind) =>
        [.. conversation.GetProperty(kind).EnumerateArray().Select(m => $"{m.String("id")}:{m.String("name")}")];

    /// <summary>A problem body without its traceId (which differs per request), disposing the response.</summary>
    private static async Task<JsonElement> ProblemWithoutTraceAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var problem = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            problem.Remove("traceId");
            return JsonDocument.Parse(problem.ToJsonString()).RootElement.Clone();
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{22}$")]
    private static partial Regex UrlSafeId();
}
