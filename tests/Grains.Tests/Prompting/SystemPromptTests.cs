using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Llm;
using LlmMultiChat.Grains.Prompting;
using static LlmMultiChat.Grains.Tests.Prompting.PromptFixtures;

namespace LlmMultiChat.Grains.Tests.Prompting;

public class SystemPromptTests
{
    private const string DefaultInstructions = "返答の本文だけを出力してください。";
    private const string GroupRules = "【グループ会話のルール】";

    private static readonly Persona FullPersona = new()
    {
        Name = "クラリス",
        Aliases = ["くらりす", "Clarisse"],
        Description = "構造化と解説が得意なAI",
        Gender = "女性",
        Background = "王立図書館で歴史と技術を学んだ。",
        Personalities = ["冷静", "論理的", "丁寧"],
        Roles = ["解説", "理論"],
        Tones = ["落ち着いた丁寧語"],
        SpeakingStyle = "段落ごとに【見出し】を付けて話す",
        Politeness = 3,
        Verbosity = Verbosity.Detailed,
        EmojiUse = EmojiUse.None,
        Scenario = "深夜の研究室で質問に答えている",
        ExampleDialogue = "ユーザー: 量子とは？\nクラリス: 【定義】量子とは……",
        Greetings = ["ごきげんよう。本日は何を整理いたしましょうか。", "お待ちしておりました。"],
        PostHistoryInstructions = "必ず結論から述べること。",
    };

    [Fact]
    public void Every_persona_field_reaches_the_system_prompt()
    {
        var context = OneToOne(FullPersona) with { EmotionTone = "落ち着いて、少し誇らしげに話す。", Memory = PromptMemory.None with { LongTerm = ["太郎は歴史が好き"] } };

        var system = Builder().Build(context).SystemText();

        string[] values =
        [
            FullPersona.Name, .. FullPersona.Aliases, FullPersona.Description, FullPersona.Gender!, FullPersona.Background,
            .. FullPersona.Personalities, .. FullPersona.Roles, .. FullPersona.Tones, FullPersona.SpeakingStyle,
            FullPersona.Scenario!, FullPersona.ExampleDialogue, .. FullPersona.Greetings, context.EmotionTone!, "- 太郎は歴史が好き",
        ];
        Assert.All(values, value => Assert.Contains(value, system, StringComparison.Ordinal));
        Assert.Contains("尊敬語・謙譲語", system, StringComparison.Ordinal);
        Assert.Contains("段落に分けて詳しく", system, StringComparison.Ordinal);
        Assert.Contains("絵文字や顔文字は使わない", system, StringComparison.Ordinal);
        Assert.Contains(DefaultInstructions, system, StringComparison.Ordinal);
    }

    [Fact]
    public void The_persona_system_prompt_replaces_the_template_instructions_only()
    {
        var persona = FullPersona with { SystemPrompt = "あなたは常に箇条書きで答える。" };

        var system = Builder().Build(Group(persona)).SystemText();

        Assert.Contains("あなたは常に箇条書きで答える。", system, StringComparison.Ordinal);
        Assert.DoesNotContain(DefaultInstructions, system, StringComparison.Ordinal);
        Assert.Contains(FullPersona.Background, system, StringComparison.Ordinal);
        Assert.Contains(GroupRules, system, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "タメ口")]
    [InlineData(2, "「です・ます」調")]
    [InlineData(3, "尊敬語・謙譲語")]
    public void Each_politeness_level_gives_its_own_instruction(int politeness, string phrase)
    {
        var systems = Enumerable.Range(1, 3).ToDictionary(p => p, p => Builder().Build(OneToOne(Lumina with { Politeness = p })).SystemText());

        Assert.Contains(phrase, systems[politeness], StringComparison.Ordinal);
        Assert.All(systems.Where(s => s.Key != politeness), other => Assert.DoesNotContain(phrase, other.Value, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(7, 3)]
    public void Politeness_outside_one_to_three_is_clamped(int politeness, int clamped)
    {
        Assert.Equal(
            Builder().Build(OneToOne(Lumina with { Politeness = clamped })).SystemText(),
            Builder().Build(OneToOne(Lumina with { Politeness = politeness })).SystemText());
    }

    [Theory]
    [InlineData(Verbosity.Brief, "1〜2文で短く")]
    [InlineData(Verbosity.Medium, "3〜5文程度")]
    [InlineData(Verbosity.Detailed, "段落に分けて詳しく")]
    public void Each_verbosity_gives_its_own_length_instruction(Verbosity verbosity, string phrase)
    {
        var systems = Enum.GetValues<Verbosity>().ToDictionary(v => v, v => Builder().Build(OneToOne(Lumina with { Verbosity = v })).SystemText());

        Assert.Contains(phrase, systems[verbosity], StringComparison.Ordinal);
        Assert.All(systems.Where(s => s.Key != verbosity), other => Assert.DoesNotContain(phrase, other.Value, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(EmojiUse.None, "絵文字や顔文字は使わない")]
    [InlineData(EmojiUse.Sparing, "絵文字は控えめに")]
    [InlineData(EmojiUse.Frequent, "絵文字を積極的に使い")]
    public void Each_emoji_use_gives_its_own_instruction(EmojiUse emojiUse, string phrase)
    {
        var systems = Enum.GetValues<EmojiUse>().ToDictionary(e => e, e => Builder().Build(OneToOne(Lumina with { EmojiUse = e })).SystemText());

        Assert.Contains(phrase, systems[emojiUse], StringComparison.Ordinal);
        Assert.All(systems.Where(s => s.Key != emojiUse), other => Assert.DoesNotContain(phrase, other.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void Emotion_and_memory_sections_appear_only_when_given()
    {
        var without = Builder().Build(OneToOne()).SystemText();
        var memory = new PromptMemory(
            LongTerm: ["太郎の猫はミケ"],
            MidTerm: ["太郎は京都旅行の計画を話した"],
            Knowledge: ["京都の寺: 清水寺は778年創建"],
            Associations: ["猫", "旅行"],
            Lessons: ["専門用語を避ける。"],
            Interests: ["歴史", "猫"],
            Clarification: "以前「犬が好き」とおっしゃっていましたが？");
        var with = Builder().Build(OneToOne() with { EmotionTone = "嬉しそうに話す。", Memory = memory }).SystemText();

        string[] headings = ["【現在の気分】", "【確認したいこと】", "【関連する記憶】", "【以前の会話】", "【相手の関心】", "【過去の振り返りからの教訓】", "【連想】", "【参考情報】"];
        Assert.All(headings, heading => Assert.DoesNotContain(heading, without, StringComparison.Ordinal));
        Assert.Contains("【現在の気分】\n嬉しそうに話す。", with, StringComparison.Ordinal);
        Assert.Contains("以前「犬が好き」とおっしゃっていましたが？", with, StringComparison.Ordinal);
        Assert.Contains("- 太郎の猫はミケ", with, StringComparison.Ordinal);
        Assert.Contains("- 太郎は京都旅行の計画を話した", with, StringComparison.Ordinal);
        Assert.Contains("【相手の関心】\n歴史、猫\n", with, StringComparison.Ordinal);
        Assert.Contains("- 専門用語を避ける。", with, StringComparison.Ordinal);
        Assert.Contains("思い浮かべること: 猫、旅行", with, StringComparison.Ordinal);
        Assert.Contains("- 京都の寺: 清水寺は778年創建", with, StringComparison.Ordinal);
        Assert.True(with.IndexOf("【関連する記憶】", StringComparison.Ordinal) < with.IndexOf("- 太郎の猫はミケ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_group_prompt_lists_the_others_and_carries_the_isolation_and_hand_over_rules()
    {
        var system = Builder().Build(Group()).SystemText();

        Assert.Contains("- ノクス（キャラクター、ID: nox）", system, StringComparison.Ordinal);
        Assert.Contains("- クラリス（キャラクター、ID: clarisse）", system, StringComparison.Ordinal);
        Assert.Contains("- 太郎（ユーザー）", system, StringComparison.Ordinal);
        Assert.Contains("- Alice（ユーザー）", system, StringComparison.Ordinal);
        Assert.Contains(GroupRules, system, StringComparison.Ordinal);
        Assert.Contains("あなたはルミナとしてだけ発言してください。", system, StringComparison.Ordinal);
        Assert.Contains("他の参加者のセリフ・行動・考えを書いてはいけません。", system, StringComparison.Ordinal);
        Assert.Contains("[Next: ID]", system, StringComparison.Ordinal);
    }

    [Fact]
    public void A_one_to_one_prompt_has_no_group_section()
    {
        var system = Builder().Build(OneToOne()).SystemText();

        Assert.DoesNotContain("【この会話の参加者】", system, StringComparison.Ordinal);
        Assert.DoesNotContain(GroupRules, system, StringComparison.Ordinal);
        Assert.DoesNotContain("[Next:", system, StringComparison.Ordinal);
        Assert.DoesNotContain("太郎", system, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_humans_with_one_character_is_a_group_without_hand_over()
    {
        var system = Builder().Build(OneToOne() with { Humans = [Taro, Alice] }).SystemText();

        Assert.Contains(GroupRules, system, StringComparison.Ordinal);
        Assert.Contains("- Alice（ユーザー）", system, StringComparison.Ordinal);
        Assert.DoesNotContain("[Next:", system, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_syntax_and_markup_in_persona_text_come_out_verbatim()
    {
        const string Hostile = "{{Name}} {{> layout}} {{#each Roles}}x{{/each}} {{{SystemPrompt}}} {{#if}} }} <b>&amp;</b> \"q\" 'a' `c` \\{{escaped}}";
        var persona = Lumina with
        {
            Name = "ルミナ{{Name}}",
            Description = Hostile,
            Background = Hostile,
            Personalities = [Hostile],
            SpeakingStyle = "<script>alert(1)</script>",
        };

        var clean = Builder().Build(OneToOne()).SystemText();
        var system = Builder().Build(OneToOne(persona)).SystemText();

        Assert.Contains("あなたは「ルミナ{{Name}}」というキャラクターです。", system, StringComparison.Ordinal);
        Assert.Contains("- 説明: " + Hostile + "\n", system, StringComparison.Ordinal);
        Assert.Contains("- " + Hostile + "\n", system, StringComparison.Ordinal);
        Assert.Contains("- 話し方: <script>alert(1)</script>\n", system, StringComparison.Ordinal);
        Assert.DoesNotContain("&lt;", system, StringComparison.Ordinal);
        // The structure after the inserted text is intact: every section of the clean prompt is still there, in order.
        Assert.Equal(Headings(clean), Headings(system));
    }

    [Fact]
    public void Template_syntax_in_messages_and_hooks_comes_out_verbatim()
    {
        const string Hostile = "{{#each Roles}}{{this}}{{/each}} {{> instructions}} <i>&</i>";
        var context = OneToOne(Lumina with { PostHistoryInstructions = Hostile }, FromHuman(Taro, Hostile, 1)) with { Memory = PromptMemory.None with { LongTerm = [Hostile] }, EmotionTone = Hostile };

        var prompt = Builder().Build(context);

        Assert.Equal(new LlmMessage(LlmRole.User, "太郎: " + Hostile), prompt.Messages[1]);
        Assert.Equal(new LlmMessage(LlmRole.System, Hostile), prompt.Messages[2]);
        Assert.Contains("【現在の気分】\n" + Hostile + "\n", prompt.SystemText(), StringComparison.Ordinal);
        Assert.Contains("【関連する記憶】\nあなたが覚えていることのうち、この会話に関係がありそうなものです。必要なときに自然に活かしてください。\n- " + Hostile + "\n", prompt.SystemText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Concurrent_builds_render_the_same_prompt()
    {
        var builder = Builder();
        var context = Group(FullPersona, FromHuman(Taro, "こんにちは", 1));
        var expected = builder.Build(context).SystemText();

        var results = new string[64];
        Parallel.For(0, results.Length, i => results[i] = builder.Build(context).SystemText());

        Assert.All(results, result => Assert.Equal(expected, result));
    }

    [Fact]
    public void Every_template_renders_tidy_sections_with_no_empty_runs()
    {
        foreach (var template in HandlebarsPromptBuilder.TemplateNames)
        {
            foreach (var context in new[] { OneToOne(Lumina with { PromptTemplate = template }), Group(FullPersona with { PromptTemplate = template }) })
            {
                var system = Builder().Build(context).SystemText();

                Assert.StartsWith("あなたは「", system, StringComparison.Ordinal);
                Assert.DoesNotContain("\n\n\n", system, StringComparison.Ordinal);
                Assert.False(char.IsWhiteSpace(system[^1]), template);
                Assert.All(Headings(system), heading => Assert.Contains("\n\n" + heading + "\n", system, StringComparison.Ordinal));
            }
        }
    }

    private static List<string> Headings(string system) =>
        [.. system.Split('\n').Where(line => line.StartsWith('【') && line.EndsWith('】'))];
}
