using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Tests.Conversations.Support;
using LlmMultiChat.Grains.Users;
using Silo;
using Silo.Testing;

namespace LlmMultiChat.Grains.Tests.Conversations;

/// <summary>What a user says about the answers moves their dialogue style, and replies to them are prompted with it.</summary>
public sealed class DialogueStyleTests
{
    private const string StyleSection = "【相手が好む話し方】";
    private const string PlainWords = "専門用語を避け、誰にでもわかる平易な言葉で説明してください。";
    private const string MoreDetail = "具体例を交えて詳しく説明してください。";

    [Fact]
    public async Task Too_much_jargon_lowers_the_senders_technical_level_until_the_reply_is_told_to_use_plain_words()
    {
        await using var harness = await StartAsync("alice");
        await harness.CreateAsync("c1", ["lumina"]);

        await harness.SendAsync("c1", "専門用語が多すぎるよ。");
        var once = await harness.Silo.GetGrain<IUserGrain>("alice").Style();
        var promptOnce = SystemPrompt(harness);
        await harness.SendAsync("c1", "まだ専門用語が多すぎる。");
        var twice = await harness.Silo.GetGrain<IUserGrain>("alice").Style();

        Assert.Equal(0.35, once.TechnicalLevel, 10);
        Assert.DoesNotContain(StyleSection, promptOnce, StringComparison.Ordinal);
        Assert.Equal(0.2, twice.TechnicalLevel, 10);
        Assert.Equal([PlainWords], twice.Instructions);
        Assert.Contains(StyleSection + "\n", SystemPrompt(harness), StringComparison.Ordinal);
        Assert.Contains("- " + PlainWords, SystemPrompt(harness), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_for_more_detail_raises_verbosity_and_reaches_the_prompt_past_the_threshold()
    {
        await using var harness = await StartAsync("alice");
        await harness.CreateAsync("c1", ["lumina"]);

        await harness.SendAsync("c1", "もっと詳しく");
        var once = await harness.Silo.GetGrain<IUserGrain>("alice").Style();
        await harness.SendAsync("c1", "もっと詳しく教えて");
        await harness.SendAsync("c1", "もっと詳しく！");
        var thrice = await harness.Silo.GetGrain<IUserGrain>("alice").Style();

        Assert.Equal(0.6, once.Verbosity, 10);
        Assert.Equal(0.8, thrice.Verbosity, 10);
        Assert.Contains("- " + MoreDetail, SystemPrompt(harness), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_neutral_message_changes_nothing_and_the_prompt_has_no_style_section()
    {
        await using var harness = await StartAsync("alice");
        await harness.CreateAsync("c1", ["lumina"]);

        await harness.SendAsync("c1", "明日の会議は十時からです。");

        var style = await harness.Silo.GetGrain<IUserGrain>("alice").Style();
        Assert.Equal((0.5, 0.5, 0.5, 0.5, 0.7, 0.5), (style.Formality, style.Verbosity, style.Humor, style.TechnicalLevel, style.Empathy, style.Proactivity));
        Assert.Empty(style.Instructions);
        Assert.DoesNotContain(StyleSection, SystemPrompt(harness), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_style_survives_reactivation_of_the_user_grain()
    {
        await using var harness = await StartAsync("alice");
        await harness.CreateAsync("c1", ["lumina"]);
        await harness.SendAsync("c1", "専門用語が多すぎる");
        await harness.SendAsync("c1", "専門用語が多すぎる");

        harness.Time.Advance(TimeSpan.FromMinutes(16));
        await harness.Silo.WhenDeactivated(GrainId.Create("user", "alice")).WaitOrFail("the idle user grain to be collected");
        var reactivated = await harness.Silo.GetGrain<IUserGrain>("alice").Style();

        Assert.Equal(0.2, reactivated.TechnicalLevel, 10);
        Assert.Equal([PlainWords], reactivated.Instructions);
    }

    [Fact]
    public async Task The_style_is_per_user_and_a_reply_carries_the_style_of_the_human_it_answers()
    {
        await using var harness = await StartAsync("alice", "bob");
        await harness.CreateAsync("c1", ["lumina"]);
        await harness.Conversation("c1").AddHuman(new ConversationMember("bob", "ボブ"));
        await harness.SendAsync("c1", "専門用語が多すぎる");
        await harness.SendAsync("c1", "専門用語が多すぎる");
        var promptForAlice = SystemPrompt(harness);

        await harness.SendAsync("c1", "ルミナ、今日の天気はどう？", userId: "bob");

        Assert.Contains(PlainWords, promptForAlice, StringComparison.Ordinal);
        Assert.DoesNotContain(StyleSection, SystemPrompt(harness), StringComparison.Ordinal);
        Assert.Equal(0.5, (await harness.Silo.GetGrain<IUserGrain>("bob").Style()).TechnicalLevel, 10);
        Assert.Equal(0.2, (await harness.Silo.GetGrain<IUserGrain>("alice").Style()).TechnicalLevel, 10);
    }

    [Fact]
    public async Task A_member_without_an_account_keeps_the_default_style()
    {
        await using var harness = await StartAsync();
        await harness.CreateAsync("c1", ["lumina"]);

        await harness.SendAsync("c1", "専門用語が多すぎる");

        Assert.Equal(0.5, (await harness.Silo.GetGrain<IUserGrain>("alice").Style()).TechnicalLevel, 10);
    }

    /// <summary>A conversation harness where the named humans have accounts (a cheap password hash: hashing is not under test).</summary>
    private static async Task<ConversationHarness> StartAsync(params string[] usernames)
    {
        var harness = await ConversationHarness.StartAsync(new Dictionary<string, string?> { ["Auth:PasswordHashIterations"] = "1000" });
        await harness.CreateAccountsAsync(usernames);
        return harness;
    }

    private static string SystemPrompt(ConversationHarness harness) =>
        harness.Llm.ChatRequests[^1].Messages.First(m => m.Role == "system").Content;
}
