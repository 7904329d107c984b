using LlmMultiChat.FakeLlm.Scripting;
using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Conversations.Events;
using LlmMultiChat.Grains.Tests.Conversations.Support;
using Silo.Testing;

namespace LlmMultiChat.Grains.Tests.Conversations;

/// <summary>A conversation's basics: who is asked, with which prompt and model, and what is stored and published.</summary>
public sealed class ConversationTests
{
    [Fact]
    public async Task A_reply_streams_as_events_and_is_stored_after_the_human_message()
    {
        await using var harness = await ConversationHarness.StartAsync();
        await harness.CreateAsync("c1", ["lumina"]);

        var turn = await harness.SendAsync("c1", "こんにちは、ルミナ！");

        var reply = Assert.Single(turn.Replies);
        Assert.Equal(("lumina", "ルミナ", MessageStatus.Complete), (reply.SpeakerId, reply.SpeakerName, reply.Status));
        Assert.Equal("Echo from qwen2.5:3b: アリス: こんにちは、ルミナ！", reply.Content);
        Assert.Equal(reply.Content, turn.Streamed(reply.Id));
        Assert.Equal(
            [MessageCompleted.TypeName, MessageStarted.TypeName, MessageChunk.TypeName, MessageCompleted.TypeName, TurnCompleted.TypeName],
            turn.Events.Select(e => e.Type).Where((type, i) => i == 0 || type != turn.Events[i - 1].Type));
        Assert.Equal(Enumerable.Range((int)turn.Events[0].Seq, turn.Events.Count).Select(i => (long)i), turn.Events.Select(e => e.Seq));
        Assert.Equal(TurnEndReason.Done, turn.Completed.Reason);
        Assert.Equal(("ollama", "qwen2.5:3b"), (reply.Usage!.Provider, reply.Usage.Model));
        Assert.True(reply.Usage.CompletionTokens > 0 && reply.Usage.PromptTokens > 0);

        var log = await harness.Conversation("c1").Messages(null, 10);
        Assert.Equal([(0L, SpeakerKind.Human, "こんにちは、ルミナ！"), (1L, SpeakerKind.Character, reply.Content)], log.Select(m => (m.Index, m.SpeakerKind, m.Content)));
    }

    [Fact]
    public async Task The_human_message_is_stored_before_the_model_is_asked()
    {
        await using var harness = await ConversationHarness.StartAsync();
        harness.Llm.Enqueue(FakeReply.Text("遅い返事").WithFirstTokenDelay(TimeSpan.FromHours(1)));
        await harness.CreateAsync("c1", ["lumina"]);

        var sent = await harness.Conversation("c1").Send(ConversationHarness.Alice, "先に保存して");
        await harness.Llm.WaitForRequestAsync(1).WaitOrFail("the model to be asked");

        var log = await harness.Conversation("c1").Messages(null, 10);
        Assert.Equal(sent, log[0]);
        Assert.Equal(MessageStatus.Streaming, log[1].Status);
        await harness.Conversation("c1").Interrupt(ConversationHarness.Alice);
    }

    [Fact]
    public async Task The_persona_reaches_the_system_prompt_and_the_history_follows_it()
    {
        await using var harness = await ConversationHarness.StartAsync();
        await harness.CreateAsync("c1", ["clarisse"]);

        await harness.SendAsync("c1", "なぜ空は青いの？");

        var request = Assert.Single(harness.Llm.ChatRequests);
        var system = request.Messages[0];
        Assert.Equal("system", system.Role);
        Assert.StartsWith("あなたは「クラリス」", system.Content, StringComparison.Ordinal);
        Assert.Contains(UpstreamCharacters.Clarisse.Description, system.Content, StringComparison.Ordinal);
        Assert.Contains(UpstreamCharacters.Clarisse.SpeakingStyle, system.Content, StringComparison.Ordinal);
        Assert.Equal(("user", "アリス: なぜ空は青いの？"), (request.Messages[^1].Role, request.Messages[^1].Content));
    }

    [Fact]
    public async Task A_characters_model_binding_picks_its_provider_and_model()
    {
        await using var harness = await ConversationHarness.StartAsync();
        var persona = UpstreamCharacters.Nox with { Name = "ジーピー", Aliases = [], Model = new ModelBinding("openai", "gpt-4o-mini", Temperature: 0.2, MaxTokens: 64) };
        await harness.Silo.GetGrain<ICharacterGrain>("gp").Create(persona, ConversationHarness.Alice, CharacterVisibility.Private);
        await harness.CreateAsync("c1", ["gp", "lumina"], policy: TurnPolicy.List);

        var turn = await harness.SendAsync("c1", "hi both");

        var requests = harness.Llm.ChatRequests;
        var openAi = Assert.Single(requests, r => r.IsFor("ジーピー"));
        Assert.Equal(("/v1/chat/completions", "gpt-4o-mini", 0.2, 64), (openAi.Path, openAi.Model, openAi.Temperature, openAi.MaxTokens));
        var ollama = Assert.Single(requests, r => r.IsFor("ルミナ"));
        Assert.Equal(("/api/chat", "qwen2.5:3b"), (ollama.Path, ollama.Model));
        Assert.Equal([("openai", "gpt-4o-mini"), ("ollama", "qwen2.5:3b")], turn.Replies.Select(r => (r.Usage!.Provider, r.Usage.Model)));
    }

    [Fact]
    public async Task Reasoning_text_is_published_as_thinking_and_kept_out_of_the_message()
    {
        await using var harness = await ConversationHarness.StartAsync();
        harness.Llm.Script(FakeReply.Text("答えは42です。").WithThinking("まず問題を整理する。"));
        await harness.CreateAsync("c1", ["lumina"]);

        var turn = await harness.SendAsync("c1", "答えは？");

        Assert.Equal("まず問題を整理する。", string.Concat(turn.Events.OfType<Thinking>().Select(t => t.Delta)));
        Assert.Equal("答えは42です。", turn.Replies[0].Content);
    }

    [Fact]
    public async Task A_reply_that_starts_writing_another_participants_line_is_cut_there()
    {
        await using var harness = await ConversationHarness.StartAsync();
        harness.Llm.Script(FakeReply.Text("ルミナ: いい質問ですね！\nノクス: 調べたところ、答えは42だ。"), r => r.IsFor("ルミナ"));
        await harness.CreateAsync("c1", ["lumina", "nox"], policy: TurnPolicy.Manual);

        var turn = await harness.SendAsync("c1", "@ルミナ 教えて");

        Assert.Equal("いい質問ですね！", Assert.Single(turn.Replies).Content);
        Assert.DoesNotContain("42", string.Concat(turn.Events.OfType<MessageChunk>().Select(c => c.Delta)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_messages_are_refused_with_clear_errors_and_nothing_is_stored()
    {
        await using var harness = await ConversationHarness.StartAsync();
        await harness.CreateAsync("c1", ["lumina"]);
        var conversation = harness.Conversation("c1");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => conversation.Send("mallory", "hi"));
        Assert.Equal("content", (await Assert.ThrowsAsync<ArgumentException>(() => conversation.Send("alice", "  "))).ParamName);
        Assert.Contains("at most 10000", (await Assert.ThrowsAsync<ArgumentException>(() => conversation.Send("alice", new string('あ', 10_001)))).Message, StringComparison.Ordinal);
        Assert.Contains("unpaired surrogate", (await Assert.ThrowsAsync<ArgumentException>(() => conversation.Send("alice", "bad \ud800 text"))).Message, StringComparison.Ordinal);
        Assert.Contains("nox is not in conversation", (await Assert.ThrowsAsync<ArgumentException>(() => conversation.Send("alice", "hi", ["nox"]))).Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => harness.Conversation("missing").Send("alice", "hi"));

        Assert.Empty(await conversation.Messages(null, 10));
        Assert.Empty(harness.Llm.ChatRequests);
        Assert.Equal(10_000, (await harness.SendAsync("c1", new string('あ', 10_000))).Human.Content.Length);
    }

    [Fact]
    public async Task A_conversation_needs_existing_characters_and_valid_settings()
    {
        await using var harness = await ConversationHarness.StartAsync();

        Assert.Contains("ghost does not exist", (await Assert.ThrowsAsync<ArgumentException>(() => harness.CreateAsync("c1", ["lumina", "ghost"]))).Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => harness.CreateAsync("c1", []));
        await Assert.ThrowsAsync<ArgumentException>(() => harness.CreateAsync("c1", ["lumina"], maxAutoTurns: -1));
        Assert.Null(await harness.Conversation("c1").Info());

        var info = await harness.CreateAsync("c1", ["lumina", "nox"]);
        Assert.Equal(("ルミナ、ノクス", TurnPolicy.Natural, 3), (info.Title, info.Policy, info.MaxAutoTurns));
        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.CreateAsync("c1", ["lumina"]));
    }

    [Fact]
    public async Task Several_humans_share_a_conversation_and_see_each_others_messages()
    {
        await using var harness = await ConversationHarness.StartAsync();
        await harness.CreateAsync("c1", ["lumina"]);
        await harness.Conversation("c1").AddHuman(new ConversationMember("bob", "ボブ"));

        var turn = await harness.SendAsync("c1", "ボブです、よろしく", userId: "bob");

        Assert.Equal(("bob", "ボブ"), (turn.Human.SpeakerId, turn.Human.SpeakerName));
        Assert.Equal(turn.Human, turn.Events.OfType<MessageCompleted>().First().Message);
        Assert.Contains("ボブ: ボブです、よろしく", Assert.Single(turn.Replies).Content, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Conversation("c1").RemoveHuman("alice"));
        await harness.Conversation("c1").RemoveHuman("bob");
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => harness.Conversation("c1").Send("bob", "まだいる？"));
    }
}
