using System.Text;
using LlmMultiChat.Grains.Characters;

namespace LlmMultiChat.Grains.Tests.Characters.Cards;

/// <summary>
/// Rich sample cards: Japanese and emoji in every text, and unknown fields at every level (top, data, extensions,
/// character_book, its entries and their extensions, V3 assets).
/// </summary>
internal static class CardSamples
{
    public const string V2 = """
        {
          "spec": "chara_card_v2",
          "spec_version": "2.0",
          "name": "ルミナ 🌙",
          "description": "古い図書館に住む星の精霊。",
          "personality": "明るい、好奇心旺盛, 少し天然\n優しい",
          "scenario": "夜の図書館",
          "first_mes": "こんばんは！✨",
          "mes_example": "<START>\n{{user}}: 星は好き？\n{{char}}: 大好き！🌟",
          "talkativeness": "0.8",
          "creatorcomment": "SillyTavern の旧フィールド",
          "avatar": "none",
          "create_date": "2024-5-1 @12h 00m 00s 000ms",
          "fav": false,
          "x_top_unknown": { "nested": [1, "二", { "deep": true, "none": null }] },
          "data": {
            "name": "ルミナ 🌙",
            "description": "古い図書館に住む星の精霊。",
            "personality": "明るい、好奇心旺盛, 少し天然\n優しい",
            "scenario": "夜の図書館",
            "first_mes": "こんばんは！✨",
            "mes_example": "<START>\n{{user}}: 星は好き？\n{{char}}: 大好き！🌟",
            "creator_notes": "GPT-4 推奨 🧪",
            "system_prompt": "{{original}}\nあなたは{{char}}です。",
            "post_history_instructions": "必ず日本語で返事をする。",
            "alternate_greetings": ["おはよう☀️", "Hi! 👋"],
            "character_book": {
              "name": "星の本 📖",
              "description": "ルミナの世界",
              "scan_depth": 4,
              "token_budget": 512,
              "recursive_scanning": false,
              "extensions": { "x_book_ext": { "weights": [0.5, 1e-3] } },
              "x_book_unknown": "本の未知フィールド",
              "entries": [
                {
                  "keys": ["星", "star"],
                  "content": "星は夜に歌う。🎶",
                  "extensions": { "position": 4, "depth": 2, "x_entry_ext": { "ok": true } },
                  "enabled": true,
                  "insertion_order": 100,
                  "name": "星",
                  "priority": 10,
                  "id": 1,
                  "comment": "コメント",
                  "selective": true,
                  "secondary_keys": ["夜"],
                  "constant": false,
                  "position": "before_char",
                  "x_entry_unknown": 42
                }
              ]
            },
            "tags": ["ファンタジー", "🌸"],
            "creator": "作者さん",
            "character_version": "1.2.3",
            "extensions": {
              "talkativeness": 0.8,
              "fav": true,
              "world": "ルミナの世界",
              "depth_prompt": { "prompt": "星の話をする", "depth": 4, "role": "system" },
              "x_vendor/thing": { "a": [1, 2, { "b": null }], "絵文字": "🎉" },
              "unknown_number": 1.25e3
            },
            "x_data_unknown": [true, false, null, { "星": "☆" }]
          }
        }
        """;

    public const string V3 = """
        {
          "spec": "chara_card_v3",
          "spec_version": "3.0",
          "x_top_unknown": { "list": ["一", 2, 3.5] },
          "data": {
            "name": "ルミナ 🌙",
            "description": "古い図書館に住む星の精霊。",
            "tags": ["ファンタジー", "🌸"],
            "creator": "作者さん",
            "character_version": "2.0.0",
            "mes_example": "<START>\n{{user}}: 月は？\n{{char}}: きれい！🌕",
            "extensions": {
              "talkativeness": "0.35",
              "risuai": { "utilityBot": false, "x": [null] },
              "x_vendor": { "deep": { "deeper": ["😀"] } }
            },
            "system_prompt": "",
            "post_history_instructions": "",
            "first_mes": "ようこそ、星の図書館へ！📚",
            "alternate_greetings": ["また会えたね💫"],
            "personality": "穏やか；知的",
            "scenario": "",
            "creator_notes": "英語でも日本語でも。",
            "character_book": {
              "name": "月の本",
              "extensions": {},
              "entries": [
                { "keys": ["月"], "content": "月は見ている。", "extensions": { "x": 1 }, "enabled": true, "insertion_order": 0, "use_regex": false, "x_unknown": "🌑" }
              ]
            },
            "assets": [
              { "type": "icon", "uri": "ccdefault:", "name": "main", "ext": "png" },
              { "type": "emotion", "uri": "embeded://assets/emotion/images/joy.png", "name": "joy", "ext": "png", "x_asset_unknown": 1 }
            ],
            "nickname": "ルミ",
            "creator_notes_multilingual": { "ja": "こんにちは", "en": "Hello" },
            "source": ["https://example.invalid/cards/lumina"],
            "group_only_greetings": ["みんな、こんにちは！👋"],
            "creation_date": 1700000000,
            "modification_date": 1700000500,
            "x_data_unknown": { "a": { "b": { "c": "深い" } } }
          }
        }
        """;

    public const string V1 = """
        {
          "name": "ソラ",
          "description": "空の案内人。☁️",
          "personality": "のんびり, 物知り",
          "scenario": "雲の上",
          "first_mes": "ようこそ！",
          "mes_example": "{{char}}: ふわふわ〜",
          "talkativeness": "0.3",
          "x_v1_unknown": { "keep": ["me", "🙂"] }
        }
        """;

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static string Base64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    /// <summary>A persona made here, with every field away from its default.</summary>
    public static Persona FullPersona() => new()
    {
        Name = "ハル 🌸",
        Aliases = ["はる", "Haru"],
        Description = "春の庭師。",
        Gender = "女性",
        Background = "山の村で育った。",
        Personalities = ["優しい", "kind, but strict", "几帳面"],
        Roles = ["guide", "gardener"],
        Tones = ["warm"],
        SpeakingStyle = "です・ます調",
        Politeness = 3,
        Verbosity = Verbosity.Detailed,
        EmojiUse = EmojiUse.Frequent,
        ExampleDialogue = "{{char}}: お花、きれいでしょう？🌷",
        Greetings = ["いらっしゃい🌼", "また来たのね", "Welcome!"],
        Talkativeness = 0.7,
        Keywords = ["花", "庭"],
        Tools = ["web_search"],
        KnowledgeNamespaces = ["botany"],
        Model = new ModelBinding("ollama", "qwen2.5:3b", 0.8, 0.9, 256),
        PromptTemplate = "roleplay",
        SystemPrompt = "あなたは{{char}}。",
        PostHistoryInstructions = "短く答える。",
        Scenario = "春の庭",
        FallbackLine = "……ちょっと待ってね。",
    };
}
