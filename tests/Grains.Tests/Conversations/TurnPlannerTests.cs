using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Conversations;

namespace LlmMultiChat.Grains.Tests.Conversations;

public sealed class TurnPlannerTests
{
    private static readonly PlannerCharacter Lumina = Character(UpstreamCharacters.LuminaId, UpstreamCharacters.Lumina);
    private static readonly PlannerCharacter Clarisse = Character(UpstreamCharacters.ClarisseId, UpstreamCharacters.Clarisse);
    private static readonly PlannerCharacter Nox = Character(UpstreamCharacters.NoxId, UpstreamCharacters.Nox);
    private static readonly PlannerCharacter[] Room = [Lumina, Clarisse, Nox];

    [Fact]
    public void Explicit_ids_answer_in_the_given_order_without_duplicates()
    {
        var plan = Plan("hello", explicitIds: ["nox", "lumina", "nox"]);

        Assert.Equal(["nox", "lumina"], plan.Responders);
        Assert.True(plan.Addressed);
    }

    [Theory]
    [InlineData("@ノクス と @ルミナ に聞きたい", new[] { "nox", "lumina" })]
    [InlineData("クラリス、説明して。ルミナもどう思う？", new[] { "clarisse", "lumina" })]
    [InlineData("hey @Lumina and claris!", new[] { "lumina", "clarisse" })]
    [InlineData("@all 集合！", new[] { "lumina", "clarisse", "nox" })]
    [InlineData("@全員 集合！", new[] { "lumina", "clarisse", "nox" })]
    public void Addressed_characters_answer_in_the_order_they_are_named(string text, string[] expected)
    {
        var plan = Plan(text, policy: TurnPolicy.Manual);

        Assert.Equal(expected, plan.Responders);
        Assert.True(plan.Addressed);
    }

    [Fact]
    public void A_latin_name_inside_another_word_does_not_address_the_character()
    {
        var plan = Plan("that smell was noxious", policy: TurnPolicy.Manual);

        Assert.Empty(plan.Responders);
    }

    [Theory]
    [InlineData("最新のニュースを調べて", "nox")]
    [InlineData("量子力学をわかりやすく説明して", "clarisse")]
    public void Natural_policy_picks_the_character_whose_keyword_appears(string text, string expected)
    {
        var plan = Plan(text, random: new FixedRandom(0.99));

        Assert.Equal([expected], plan.Responders);
        Assert.False(plan.Addressed);
    }

    [Fact]
    public void Natural_policy_orders_several_keyword_matches_by_where_they_appear()
    {
        var plan = Plan("理由を説明したうえで、最新情報も調べて");

        Assert.Equal(["clarisse", "nox"], plan.Responders);
    }

    [Fact]
    public void Natural_policy_without_keywords_lets_each_character_roll_its_talkativeness()
    {
        // Lumina 0.7, Clarisse 0.5, Nox 0.4: rolls 0.6, 0.6, 0.1 → Lumina and Nox.
        var plan = Plan("こんにちは", random: new FixedRandom(0.6, 0.6, 0.1));

        Assert.Equal(["lumina", "nox"], plan.Responders);
    }

    [Fact]
    public void Natural_policy_picks_one_at_random_when_no_roll_succeeds_but_never_the_last_speaker()
    {
        // Every roll fails (0.99); the pick (0.0) takes the first candidate, which must not be Lumina, who spoke last.
        var plan = Plan("こんにちは", random: new FixedRandom(0.99, 0.99, 0.0), lastCharacterId: "lumina");

        Assert.Equal(["clarisse"], plan.Responders);
    }

    [Fact]
    public void The_last_speaker_is_skipped_by_keyword_too_unless_addressed()
    {
        Assert.Equal(["lumina"], Plan("最新情報を調べて", random: new FixedRandom(0.6, 0.99), lastCharacterId: "nox").Responders);
        Assert.Equal(["nox"], Plan("ノクス、最新情報を調べて", lastCharacterId: "nox").Responders);
    }

    [Fact]
    public void List_policy_has_everyone_answer_in_list_order_starting_after_the_last_speaker()
    {
        Assert.Equal(["lumina", "clarisse", "nox"], Plan("hi", policy: TurnPolicy.List).Responders);
        Assert.Equal(["nox", "lumina", "clarisse"], Plan("hi", policy: TurnPolicy.List, lastCharacterId: "clarisse").Responders);
    }

    [Fact]
    public void Pooled_policy_picks_one_who_did_not_answer_last_time()
    {
        var plan = Plan("hi", policy: TurnPolicy.Pooled, random: new FixedRandom(0.0), spokeLastTurn: ["lumina", "clarisse"]);

        Assert.Equal(["nox"], plan.Responders);
    }

    [Fact]
    public void All_policy_has_everyone_answer_at_once()
    {
        var plan = Plan("hi", policy: TurnPolicy.All);

        Assert.Equal(["lumina", "clarisse", "nox"], plan.Responders);
        Assert.True(plan.Concurrent);
    }

    [Fact]
    public void Manual_policy_answers_only_when_addressed()
    {
        Assert.Empty(Plan("hi everyone", policy: TurnPolicy.Manual).Responders);
        Assert.Equal(["clarisse"], Plan("@Clarisse hi", policy: TurnPolicy.Manual).Responders);
    }

    [Fact]
    public void A_one_to_one_conversation_always_gets_its_character_even_right_after_it_spoke()
    {
        var planner = new TurnPlanner(new FixedRandom(0.99));

        var plan = planner.Plan("hi", null, [Lumina], TurnPolicy.Natural, lastCharacterId: "lumina", spokeLastTurn: ["lumina"]);

        Assert.Equal(["lumina"], plan.Responders);
    }

    [Theory]
    [InlineData("lumina", "clarisse", TurnPolicy.Natural, "clarisse")]
    [InlineData("lumina", "ノクス", TurnPolicy.List, "nox")]
    [InlineData("lumina", "lumina", TurnPolicy.Natural, null)]
    [InlineData("lumina", "somebody", TurnPolicy.Natural, null)]
    public void A_next_tag_hands_the_turn_to_another_character_but_never_back_to_the_speaker(string speaker, string handOver, TurnPolicy policy, string? expected)
    {
        Assert.Equal(expected, TurnPlanner.FollowUp(speaker, "text", handOver, Room, policy));
    }

    [Fact]
    public void Under_the_natural_policy_a_reply_that_names_another_character_hands_the_turn_to_it()
    {
        Assert.Equal("nox", TurnPlanner.FollowUp("lumina", "ノクスはどう思う？", null, Room, TurnPolicy.Natural));
        Assert.Null(TurnPlanner.FollowUp("lumina", "ノクスはどう思う？", null, Room, TurnPolicy.List));
        Assert.Null(TurnPlanner.FollowUp("lumina", "ルミナはそう思います", null, Room, TurnPolicy.Natural));
    }

    private static TurnPlan Plan(
        string text,
        TurnPolicy policy = TurnPolicy.Natural,
        IReadOnlyList<string>? explicitIds = null,
        FixedRandom? random = null,
        string? lastCharacterId = null,
        string[]? spokeLastTurn = null) =>
        new TurnPlanner(random ?? new FixedRandom(0.99)).Plan(text, explicitIds, Room, policy, lastCharacterId, spokeLastTurn ?? []);

    private static PlannerCharacter Character(string id, Persona persona) =>
        new(id, persona.Name, persona.Aliases, persona.Keywords, persona.Talkativeness);
}
