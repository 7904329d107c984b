using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Conversations.Events;
using LlmMultiChat.Grains.Tests.Conversations;
using LlmMultiChat.Grains.Tests.Conversations.Support;
using LlmMultiChat.Grains.Users;
using Microsoft.Extensions.DependencyInjection;

namespace LlmMultiChat.Grains.Tests.Users;

/// <summary>Accounts as conversations see them: who takes part where, whose quota a reply uses, and erasure.</summary>
public sealed class AccountConversationTests
{
    private static readonly Dictionary<string, string?> CheapHashes = new() { ["Auth:PasswordHashIterations"] = "1000" };

    [Fact]
    public async Task An_account_lists_the_conversations_it_owns_or_was_invited_to_until_it_leaves_or_they_are_deleted()
    {
        await using var harness = await ConversationHarness.StartAsync(CheapHashes);
        var (alice, bob) = await RegisterAsync(harness, "alice", "bob");
        var owned = await CreateAsync(harness, "c1", alice);
        await CreateAsync(harness, "c2", bob);
        var user = harness.Silo.GetGrain<IUserGrain>(alice.Id);

        await harness.Conversation("c2").AddHuman(new ConversationMember(alice.Id, alice.Username));
        Assert.Equal(["c2", "c1"], await user.Conversations());

        await harness.Conversation("c2").RemoveHuman(alice.Id);
        Assert.Equal(["c1"], await user.Conversations());

        await harness.Conversation(owned.Id).Delete(alice.Id);
        Assert.Empty(await user.Conversations());
    }

    [Fact]
    public async Task A_reply_counts_its_prompt_and_completion_tokens_against_the_sender()
    {
        await using var harness = await ConversationHarness.StartAsync(CheapHashes);
        var (alice, bob) = await RegisterAsync(harness, "alice", "bob");
        await CreateAsync(harness, "c1", bob);

        var turn = await harness.SendAsync("c1", "こんにちは", ["lumina"], userId: bob.Id);

        var usage = turn.Replies.Single().Usage!;
        Assert.True(usage.PromptTokens + usage.CompletionTokens > 0);
        Assert.Equal(usage.PromptTokens + usage.CompletionTokens, (await harness.Silo.GetGrain<IUserGrain>(bob.Id).Quota()).Used);
        Assert.Equal(0, (await harness.Silo.GetGrain<IUserGrain>(alice.Id).Quota()).Used);
    }

    [Fact]
    public async Task Erasing_an_account_deletes_what_it_owns_removes_it_from_the_rest_and_frees_its_names()
    {
        await using var harness = await ConversationHarness.StartAsync(CheapHashes);
        var (alice, bob) = await RegisterAsync(harness, "alice", "bob");
        await CreateAsync(harness, "owned", alice);
        await CreateAsync(harness, "shared", bob);
        await harness.Conversation("shared").AddHuman(new ConversationMember(alice.Id, alice.Username));
        await harness.Silo.GetGrain<ICharacterGrain>("mira").Create(new Persona { Name = "ミラ" }, alice.Id, CharacterVisibility.Private);
        var accounts = harness.Silo.Services.GetRequiredService<AccountService>();

        await accounts.EraseAsync(alice.Id);

        Assert.Null(await harness.Conversation("owned").Info());
        Assert.Equal([bob.Id], (await harness.Conversation("shared").Info())!.Humans.Select(h => h.Id));
        Assert.Null(await harness.Silo.GetGrain<ICharacterGrain>("mira").Profile());
        Assert.Null(await harness.Silo.GetGrain<IUserGrain>(alice.Id).Profile());
        Assert.NotNull((await accounts.RegisterAsync("alice", "alice@example.com", AccountHarness.Password)).User);
        await accounts.EraseAsync(alice.Id);
    }

    [Fact]
    public async Task Erasing_an_account_redacts_it_in_a_conversation_it_left_and_pages_show_the_redaction_at_once()
    {
        await using var harness = await ConversationHarness.StartAsync(CheapHashes);
        var (alice, bob) = await RegisterAsync(harness, "alice", "bob");
        await CreateAsync(harness, "shared", bob);
        await harness.Conversation("shared").AddHuman(new ConversationMember(alice.Id, alice.Username));
        await harness.SendAsync("shared", "ボブです", ["lumina"], userId: bob.Id);
        await harness.SendAsync("shared", "アリスの秘密の話", ["lumina"], userId: alice.Id);
        await harness.Conversation("shared").RemoveHuman(alice.Id);

        await harness.Silo.Services.GetRequiredService<AccountService>().EraseAsync(alice.Id);

        var messages = await harness.Conversation("shared").Messages(null, 50);
        Assert.Equal(
            [(bob.Id, "ボブです"), ("lumina", messages[1].Content), (ErasedHuman.Id, string.Empty), ("lumina", string.Empty)],
            messages.Select(m => (m.SpeakerId, m.Content)));
        Assert.NotEmpty(messages[1].Content);
        Assert.Equal(ErasedHuman.Name, messages[2].SpeakerName);
    }

    [Fact]
    public async Task A_thread_flushed_after_an_erasure_is_kept_for_the_remaining_humans_only()
    {
        await using var harness = await ConversationHarness.StartAsync(new Dictionary<string, string?>(CheapHashes) { ["MidTermMemory:FlushAfterTurns"] = "4" });
        var (alice, bob) = await RegisterAsync(harness, "alice", "bob");
        await CreateAsync(harness, "shared", bob);
        await harness.Conversation("shared").AddHuman(new ConversationMember(alice.Id, alice.Username));
        await harness.SendAsync("shared", "アリスの話です", ["lumina"], userId: alice.Id);
        await harness.Silo.Services.GetRequiredService<AccountService>().EraseAsync(alice.Id);
        var afterSeq = (await harness.Conversation("shared").Info())!.LastSeq;

        await harness.SendAsync("shared", "ボブの話です", ["lumina"], userId: bob.Id);
        await foreach (var @event in harness.Events("shared", afterSeq))
        {
            if (@event is ThreadSummarized)
            {
                break;
            }
        }

        var stored = Assert.Single(await MidTermMemoryTests.Store(harness).ForUserAsync(bob.Id, DateTimeOffset.MinValue, CancellationToken.None));
        Assert.Equal([bob.Id], stored.UserIds);
    }

    [Fact]
    public async Task The_owner_of_a_conversation_is_not_redacted_from_it()
    {
        await using var harness = await ConversationHarness.StartAsync(CheapHashes);
        var (alice, _) = await RegisterAsync(harness, "alice", "bob");
        await CreateAsync(harness, "owned", alice);

        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Conversation("owned").EraseHuman(alice.Id));
    }

    private static async Task<(UserProfile, UserProfile)> RegisterAsync(ConversationHarness harness, string first, string second)
    {
        var accounts = harness.Silo.Services.GetRequiredService<AccountService>();
        var a = await accounts.RegisterAsync(first, $"{first}@example.com", AccountHarness.Password);
        var b = await accounts.RegisterAsync(second, $"{second}@example.com", AccountHarness.Password);
        return (a.User!, b.User!);
    }

    private static Task<ConversationInfo> CreateAsync(ConversationHarness harness, string id, UserProfile owner) =>
        harness.Conversation(id).Create(new ConversationSpec(new ConversationMember(owner.Id, owner.Username), ["lumina"]));
}
