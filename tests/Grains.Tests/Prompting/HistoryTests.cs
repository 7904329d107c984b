using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Llm;
using LlmMultiChat.Grains.Prompting;
using static LlmMultiChat.Grains.Tests.Prompting.PromptFixtures;

namespace LlmMultiChat.Grains.Tests.Prompting;

public class HistoryTests
{
    [Fact]
    public void Own_lines_are_assistant_and_everyone_elses_are_user_lines_prefixed_with_the_name()
    {
        var context = Group(null,
            FromHuman(Taro, "映画のおすすめある？", 1),
            FromLumina("ありますよ！😊", 2),
            FromCharacter(Nox, "最新の興行収入を確認した。以上。", 3),
            FromHuman(Alice, "Clarisse, why?", 4),
            FromCharacter(Clarisse, "【背景】から説明いたします。", 5),
            FromHuman(Taro, "ルミナはどう思う？", 6));

        var prompt = Builder().Build(context);

        Assert.Equal(
            [
                new LlmMessage(LlmRole.User, "太郎: 映画のおすすめある？"),
                new LlmMessage(LlmRole.Assistant, "ありますよ！😊"),
                new LlmMessage(LlmRole.User, "ノクス: 最新の興行収入を確認した。以上。"),
                new LlmMessage(LlmRole.User, "Alice: Clarisse, why?"),
                new LlmMessage(LlmRole.User, "クラリス: 【背景】から説明いたします。"),
                new LlmMessage(LlmRole.User, "太郎: ルミナはどう思う？"),
            ],
            prompt.Messages.Skip(1).Take(6));
        Assert.Equal(LlmRole.System, prompt.Messages[0].Role);
    }

    [Fact]
    public void A_one_to_one_prompt_without_post_history_instructions_ends_with_the_message_being_answered()
    {
        var prompt = Builder().Build(OneToOne(null, FromHuman(Taro, "こんにちは", 1), FromLumina("やっほー！", 2), FromHuman(Taro, "元気？", 3)));

        Assert.Equal(4, prompt.Messages.Count);
        Assert.Equal(new LlmMessage(LlmRole.User, "太郎: 元気？"), prompt.Messages[^1]);
    }

    [Fact]
    public void Messages_without_content_are_skipped()
    {
        var prompt = Builder().Build(OneToOne(null,
            FromHuman(Taro, "質問です", 1),
            FromLumina("", 2, MessageStatus.Interrupted),
            FromLumina("  \n", 3, MessageStatus.Failed),
            FromHuman(Taro, "続けて", 4)));

        Assert.Equal(
            [new LlmMessage(LlmRole.User, "太郎: 質問です"), new LlmMessage(LlmRole.User, "太郎: 続けて")],
            prompt.Messages.Skip(1));
    }

    [Fact]
    public void An_interrupted_reply_with_text_is_kept()
    {
        var prompt = Builder().Build(OneToOne(null, FromHuman(Taro, "話して", 1), FromLumina("昔々、", 2, MessageStatus.Interrupted), FromHuman(Taro, "待って", 3)));

        Assert.Equal(new LlmMessage(LlmRole.Assistant, "昔々、"), prompt.Messages[2]);
    }

    [Fact]
    public void Only_the_last_history_limit_messages_with_content_are_kept_oldest_first()
    {
        var history = Enumerable.Range(1, 10).Select(i => FromHuman(Taro, $"発言{i}", i))
            .Append(FromLumina("", 11, MessageStatus.Interrupted))
            .ToArray();

        var prompt = Builder(historyLimit: 3).Build(OneToOne(null, history));

        Assert.Equal(["太郎: 発言8", "太郎: 発言9", "太郎: 発言10"], prompt.Messages.Skip(1).Select(m => m.Content));
    }

    [Fact]
    public void The_default_history_limit_is_twelve()
    {
        var history = Enumerable.Range(1, 30).Select(i => FromHuman(Taro, $"発言{i}", i)).ToArray();

        var prompt = new HandlebarsPromptBuilder(Microsoft.Extensions.Options.Options.Create(new PromptOptions())).Build(OneToOne(null, history));

        Assert.Equal(12, new PromptOptions().HistoryLimit);
        Assert.Equal(Enumerable.Range(19, 12).Select(i => $"太郎: 発言{i}"), prompt.Messages.Skip(1).Select(m => m.Content));
    }

    [Fact]
    public void System_notices_stay_system_messages_without_a_name()
    {
        var prompt = Builder().Build(OneToOne(null,
            Message(SpeakerKind.System, "system", "system", "Alice が入室しました。", 1),
            FromHuman(Taro, "やあ", 2)));

        Assert.Equal(new LlmMessage(LlmRole.System, "Alice が入室しました。"), prompt.Messages[1]);
    }

    [Fact]
    public void Post_history_instructions_follow_the_history_as_a_system_message()
    {
        var persona = Lumina with { PostHistoryInstructions = "必ず質問で終えること。" };

        var prompt = Builder().Build(OneToOne(persona, FromHuman(Taro, "こんにちは", 1), FromLumina("やっほー", 2), FromHuman(Taro, "元気？", 3)));

        Assert.Equal(5, prompt.Messages.Count);
        Assert.Equal(new LlmMessage(LlmRole.User, "太郎: 元気？"), prompt.Messages[3]);
        Assert.Equal(new LlmMessage(LlmRole.System, "必ず質問で終えること。"), prompt.Messages[4]);
        Assert.DoesNotContain("必ず質問で終えること。", prompt.SystemText(), StringComparison.Ordinal);
    }

    [Fact]
    public void In_a_group_the_last_message_reminds_the_speaker_to_write_only_its_own_line()
    {
        var persona = Lumina with { PostHistoryInstructions = "必ず質問で終えること。" };

        var prompt = Builder().Build(Group(persona, FromHuman(Taro, "みんなどう思う？", 1)));

        Assert.Equal(LlmRole.System, prompt.Messages[^1].Role);
        Assert.StartsWith("必ず質問で終えること。\n", prompt.Messages[^1].Content, StringComparison.Ordinal);
        Assert.Contains("ルミナ自身の発言をひとつだけ", prompt.Messages[^1].Content, StringComparison.Ordinal);
        Assert.Equal(new LlmMessage(LlmRole.User, "太郎: みんなどう思う？"), prompt.Messages[^2]);
    }
}
