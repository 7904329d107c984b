using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LlmMultiChat.ApiHost.Tests.Infrastructure;
using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Emotions;
using LlmMultiChat.Grains.Growth;

namespace LlmMultiChat.ApiHost.Tests.Characters;

public sealed class CharactersApiTests(CharacterApiHost host) : IClassFixture<CharacterApiHost>
{
    [Fact]
    public async Task Create_returns_201_with_its_location_and_the_stored_profile()
    {
        var id = CharacterApiHost.NewId();
        var persona = new
        {
            name = "ハル",
            aliases = new[] { "Haru" },
            description = "春の庭師。",
            politeness = 3,
            verbosity = "detailed",
            emojiUse = "frequent",
            greetings = new[] { "いらっしゃい" },
            talkativeness = 0.7,
            model = new { provider = "ollama", model = "qwen2.5:3b", temperature = 0.8 },
        };

        using var created = await host.Owner.Client.PostAsJsonAsync(CharacterRoutes.Characters, new { id, persona, visibility = "public" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(CharacterRoutes.Of(id), created.Headers.Location?.OriginalString);
        var body = await created.ReadJsonAsync();
        Assert.Equal((id, host.Owner.Id, "public", 1, host.Owner.Id, false), (body.String("id"), body.String("ownerId"), body.String("visibility"), body.GetProperty("version").GetInt32(), body.String("updatedBy"), body.GetProperty("hasAvatar").GetBoolean()));
        Assert.Equal(body.GetProperty("createdAt").GetDateTimeOffset(), body.GetProperty("updatedAt").GetDateTimeOffset());
        var stored = (await host.ProfileAsync(id))!;
        Assert.Equal(
            new Persona
            {
                Name = "ハル",
                Aliases = ["Haru"],
                Description = "春の庭師。",
                Politeness = 3,
                Verbosity = Verbosity.Detailed,
                EmojiUse = EmojiUse.Frequent,
                Greetings = ["いらっしゃい"],
                Talkativeness = 0.7,
                Model = new ModelBinding("ollama", "qwen2.5:3b", 0.8),
            },
            stored.Persona);
        Assert.Equal(CharacterVisibility.Public, stored.Visibility);

        using var read = await host.Owner.Client.GetAsync(CharacterRoutes.Of(id));
        Assert.Equal(body.ToString(), (await read.ReadJsonAsync()).ToString());
    }

    [Fact]
    public async Task The_emotion_route_shows_the_eight_emotions_at_rest_and_after_a_message_moved_them()
    {
        var id = await host.CharacterOfAsync(host.Owner, CharacterVisibility.Private);
        using var atRest = await host.Owner.Client.GetAsync(CharacterRoutes.EmotionOf(id));
        var rest = await atRest.ReadJsonAsync();

        await host.Grains.GetGrain<ICharacterGrain>(id).React("ありがとう！本当に嬉しい！");
        using var moved = await host.Owner.Client.GetAsync(CharacterRoutes.EmotionOf(id));
        var after = await moved.ReadJsonAsync();

        Assert.Equal(
            ["anger", "anticipation", "disgust", "fear", "joy", "sadness", "surprise", "trust"],
            rest.GetProperty("emotions").EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal(EmotionBaselines.Neutral.Joy, rest.GetProperty("emotions").GetProperty("joy").GetDouble());
        Assert.True(after.GetProperty("emotions").GetProperty("joy").GetDouble() > EmotionBaselines.Neutral.Joy);
        Assert.Equal(("joy", EmotionTone.Instruction(Emotion.Joy)), (after.String("dominant"), after.String("tone")));
        Assert.Equal("insufficient", after.String("trend"));
    }

    [Fact]
    public async Task The_associations_route_shows_nodes_with_path_strengths_and_edges_around_the_centre_or_the_hub()
    {
        var id = await host.CharacterOfAsync(host.Owner, CharacterVisibility.Private);
        await host.Grains.GetGrain<ICharacterGrain>(id).LearnConcepts(["東京", "タワー", "夜景"], []);

        using var centred = await host.Owner.Client.GetAsync(CharacterRoutes.AssociationsOf(id, "?center=" + Uri.EscapeDataString("夜景") + "&depth=1&threshold=0.5&maxNodes=2"));
        var view = await centred.ReadJsonAsync();
        using var defaults = await host.Owner.Client.GetAsync(CharacterRoutes.AssociationsOf(id));
        var hub = await defaults.ReadJsonAsync();

        Assert.Equal(("夜景", 1, 0.5), (view.String("center"), view.GetProperty("depth").GetInt32(), view.GetProperty("threshold").GetDouble()));
        Assert.Equal(
            [(0, "夜景", 0, 1.0), (1, "タワー", 1, Math.Round(1 / 1.3, 10))],
            view.GetProperty("nodes").EnumerateArray().Select(n => (
                n.GetProperty("id").GetInt32(), n.String("name"), n.GetProperty("distance").GetInt32(), Math.Round(n.GetProperty("strength").GetDouble(), 10))));
        var edge = Assert.Single(view.GetProperty("edges").EnumerateArray());
        Assert.Equal((0, 1), (Math.Min(edge.GetProperty("source").GetInt32(), edge.GetProperty("target").GetInt32()), Math.Max(edge.GetProperty("source").GetInt32(), edge.GetProperty("target").GetInt32())));
        Assert.Equal(("タワー", 2, 0.3, 3, 3), (hub.String("center"), hub.GetProperty("depth").GetInt32(), hub.GetProperty("threshold").GetDouble(), hub.GetProperty("nodes").GetArrayLength(), hub.GetProperty("edges").GetArrayLength()));
    }

    [Fact]
    public async Task The_associations_route_shows_each_caller_only_the_concepts_learned_from_their_own_conversations_and_shared_ones()
    {
        var id = await host.CharacterOfAsync(host.Owner, CharacterVisibility.Public);
        var character = host.Grains.GetGrain<ICharacterGrain>(id);
        await character.LearnConcepts(["犬", "ポチ"], [host.Other.Id]);
        await character.LearnConcepts(["犬", "散歩"], []);

        using var others = await host.Other.Client.GetAsync(CharacterRoutes.AssociationsOf(id, "?center=" + Uri.EscapeDataString("犬") + "&threshold=0"));
        using var owners = await host.Owner.Client.GetAsync(CharacterRoutes.AssociationsOf(id, "?center=" + Uri.EscapeDataString("犬") + "&threshold=0"));
        using var hidden = await host.Owner.Client.GetAsync(CharacterRoutes.AssociationsOf(id, "?center=" + Uri.EscapeDataString("ポチ")));

        static IEnumerable<string> Names(JsonElement view) => view.GetProperty("nodes").EnumerateArray().Select(n => n.String("name")!).Order(StringComparer.Ordinal);
        Assert.Equal(["ポチ", "散歩", "犬"], Names(await others.ReadJsonAsync()));
        Assert.Equal(["散歩", "犬"], Names(await owners.ReadJsonAsync()));
        Assert.Empty((await hidden.ReadJsonAsync()).GetProperty("nodes").EnumerateArray());
    }

    [Fact]
    public async Task The_growth_route_shows_experience_level_kpis_and_what_the_level_unlocked()
    {
        var id = await host.CharacterOfAsync(host.Owner, CharacterVisibility.Private);
        using var fresh = await host.Owner.Client.GetAsync(CharacterRoutes.GrowthOf(id));
        var start = await fresh.ReadJsonAsync();
        for (var i = 0; i < 25; i++)
        {
            await host.Grains.GetGrain<ICharacterGrain>(id).RecordGrowth(GrowthKpi.ThumbsUp);
        }

        await host.Grains.GetGrain<ICharacterGrain>(id).RecordGrowth(GrowthKpi.Conversation);
        using var grown = await host.Owner.Client.GetAsync(CharacterRoutes.GrowthOf(id));
        var after = await grown.ReadJsonAsync();

        Assert.Equal((0, 0, 10), (start.GetProperty("xp").GetInt64(), start.GetProperty("level").GetInt32(), start.GetProperty("nextLevelXp").GetInt64()));
        Assert.Equal((251, 5, 360), (after.GetProperty("xp").GetInt64(), after.GetProperty("level").GetInt32(), after.GetProperty("nextLevelXp").GetInt64()));
        Assert.Equal((25, 0, 1), (after.GetProperty("thumbsUp").GetInt32(), after.GetProperty("thumbsDown").GetInt32(), after.GetProperty("conversations").GetInt32()));
        Assert.Equal(["advanced_search"], after.GetProperty("unlocked").EnumerateArray().Select(u => u.GetString()));
        Assert.Empty(after.GetProperty("parameterEffects").EnumerateObject());
    }

    [Theory]
    [InlineData("?depth=0", "depth")]
    [InlineData("?depth=4", "depth")]
    [InlineData("?threshold=-0.1", "threshold")]
    [InlineData("?threshold=1.5", "threshold")]
    [InlineData("?threshold=NaN", "threshold")]
    [InlineData("?maxNodes=0", "maxNodes")]
    [InlineData("?maxNodes=201", "maxNodes")]
    public async Task An_association_query_value_out_of_range_is_400_naming_it(string query, string field)
    {
        var id = await host.CharacterOfAsync(host.Owner, CharacterVisibility.Private);

        using var response = await host.Owner.Client.GetAsync(CharacterRoutes.AssociationsOf(id, query));

        Assert.NotNull(Error(await response.AssertProblemAsync(HttpStatusCode.BadRequest, "E4000"), field));
    }

    [Theory]
    [InlineData("?depth=two")]
    [InlineData("?threshold=high")]
    [InlineData("?maxNodes=1e3")]
    public async Task An_association_query_value_that_is_not_a_number_is_400_E4004(string query)
    {
        var id = await host.CharacterOfAsync(host.Owner, CharacterVisibility.Private);

        using var response = await host.Owner.Client.GetAsync(CharacterRoutes.AssociationsOf(id, query));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "E4004");
    }

    [Fact]
    public async Task A_new_character_is_private_unless_said_otherwise()
    {
        using var created = await host.Owner.Client.PostAsJsonAsync(CharacterRoutes.Characters, new { id = CharacterApiHost.NewId(), persona = new { name = "Quiet" } });

        Assert.Equal("private", (await created.ReadJsonAsync()).String("visibility"));
    }

    [Fact]
    public async Task Without_an_id_one_is_made_from_a_latin_name_and_made_unique_when_taken()
    {
        var name = $"Nova Ästér {Guid.NewGuid():N}"[..24];
        var expected = $"nova-aster-{name[11..]}";

        using var first = await host.Owner.Client.PostAsJsonAsync(CharacterRoutes.Characters, new { persona = new { name } });
        using var second = await host.Owner.Client.PostAsJsonAsync(CharacterRoutes.Characters, new { persona = new { name } });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(expected, (await first.ReadJsonAsync()).String("id"));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Matches($"^{expected}-[a-z0-9]{{6}}$", (await second.ReadJsonAsync()).String("id"));
    }

    [Fact]
    public async Task Without_an_id_a_name_without_latin_letters_gets_a_random_url_safe_id()
    {
        using var created = await host.Owner.Client.PostAsJsonAsync(CharacterRoutes.Characters, new { persona = new { name = "ルミナ" } });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync()).String("id")!;
        Assert.Matches("^[a-z0-9]{12}$", id);
        Assert.Equal("ルミナ", (await host.ProfileAsync(id))!.Persona.Name);
    }

    [Fact]
    public async Task Creating_with_a_taken_id_is_409_and_leaves_the_existing_character_alone()
    {
        var id = await host.CharacterOfAsync(host.Owner, CharacterVisibility.Private, name: "Original");

        using var response = await host.Other.Client.PostAsJsonAsync(CharacterRoutes.Characters, new { id, persona = new { name = "Usurper" } });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "E4090");
        var profile = (await host.ProfileAsync(id))!;
        Assert.Equal(("Original", host.Owner.Id, 1), (profile.Persona.Name, profile.OwnerId, profile.Version));
    }

    [Theory]
    [InlineData("A-upper")]
    [InlineData("x")]
    [InlineData("-leading-dash")]
    [InlineData("has space")]
    [InlineData("trailing-newline\n")]
    [InlineData("ルミナ")]
    [InlineData("a1234567890123456789012345678901234567890123456789012345678901234")]
    public async Task An_id_outside_the_pattern_is_400_on_the_id_field_and_creates_nothing(string id)
    {
        using var response = await host.Owner.Client.PostAsJsonAsync(CharacterRoutes.Characters, new { id, persona = new { name = "Nameless" } });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "E4000");
        Assert.Single(problem.GetProperty("errors").GetProperty("id").EnumerateArray());
        Assert.DoesNotContain(await ListedIdsAsync(host.Admin), listed => listed == id);
    }

    [Fact]
    public async Task Persona_rules_are_400_naming_the_field_and_create_nothing()
    {
        var id = CharacterApiHost.NewId();

        using var politeness = await host.Owner.Client.PostAsJsonAsync(CharacterRoutes.Characters, new { id, persona = new { name = "Rude", politeness = 5 } });
        using var blankName = await host.Owner.Client.PostAsJsonAsync(CharacterRoutes.Characters, new { id, persona = new { name = "  " } });
        string[] aliases = ["ok", ""];
        using var blankAlias = await host.Owner.Client.PostAsJsonAsync(CharacterRoutes.Characters, new { id, persona = new { name = "A", aliases } });
        using var model = await host.Owner.Client.PostAsJsonAsync(CharacterRoutes.Characters, new { id, persona = new { name = "A", model = new { provider = "ollama", model = "m", temperature = 3.5 } } });

        Assert.Equal("Politeness is 5; it must be between 1 and 3.", Error(await politeness.AssertProblemAsync(HttpStatusCode.BadRequest, "E4000"), "persona.politeness"));
        Assert.Equal("Name must not be empty.", Error(await blankName.AssertProblemAsync(HttpStatusCode.BadRequest, "E4000"), "persona.name"));
        Assert.Equal("Aliases[1] must not be empty.", Error(await blankAlias.AssertProblemAsync(HttpStatusCode.BadRequest, "E4000"), "persona.aliases[1]"));
        Assert.Equal("Model.Temperature is 3.5; it must be between 0 and 2.", Error(await model.AssertProblemAsync(HttpStatusCode.BadRequest, "E4000"), "persona.model.temperature"));
        Assert.Null(await host.ProfileAsync(id));
    }

    [Fact]
    public async Task Update_adds_a_version_and_versions_lists_every_one_oldest_first()
    {
        var id = await CreateAsync(host.Owner, new { name = "Draft", description = "first" });

        using var updated = await host.Owner.Client.PutAsJsonAsync(CharacterRoutes.Of(id), new { persona = new { name = "Final", description = "second" }, expectedVersion = 1 });
        using var byAdmin = await host.Admin.Client.PutAsJsonAsync(CharacterRoutes.Of(id), new { persona = new { name = "Final", description = "third" } });

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var body = await updated.ReadJsonAsync();
        Assert.Equal(("Final", "second", 2), (body.GetProperty("persona").String("name"), body.GetProperty("persona").String("description"), body.GetProperty("version").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        using var versions = await host.Owner.Client.GetAsync(CharacterRoutes.VersionsOf(id));
        var list = (await versions.ReadJsonAsync()).GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], list.Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal(["first", "second", "third"], list.Select(v => v.GetProperty("persona").String("description")));
        Assert.Equal([host.Owner.Id, host.Owner.Id, host.Admin.Id], list.Select(v => v.String("changedBy")));
        Assert.Equal(host.Admin.Id, (await host.ProfileAsync(id))!.UpdatedBy);
    }

    [Fact]
    public async Task Update_with_a_stale_expected_version_is_409_and_changes_nothing()
    {
        var id = await CreateAsync(host.Owner, new { name = "Contested" });
        using var first = await host.Owner.Client.PutAsJsonAsync(CharacterRoutes.Of(id), new { persona = new { name = "First edit" }, expectedVersion = 1 });

        using var stale = await host.Owner.Client.PutAsJsonAsync(CharacterRoutes.Of(id), new { persona = new { name = "Lost edit" }, expectedVersion = 1, visibility = "public" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var problem = await stale.AssertProblemAsync(HttpStatusCode.Conflict, "E4090");
        Assert.Contains("version 2", problem.String("detail"), StringComparison.Ordinal);
        var profile = (await host.ProfileAsync(id))!;
        Assert.Equal(("First edit", 2, CharacterVisibility.Private), (profile.Persona.Name, profile.Version, profile.Visibility));
    }

    [Fact]
    public async Task Saving_an_unchanged_persona_adds_no_version()
    {
        var persona = new { name = "Steady", greetings = new[] { "hi" } };
        var id = await CreateAsync(host.Owner, persona);

        using var saved = await host.Owner.Client.PutAsJsonAsync(CharacterRoutes.Of(id), new { persona, expectedVersion = 1 });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(1, (await saved.ReadJsonAsync()).GetProperty("version").GetInt32());
        Assert.Equal(1, (await host.ProfileAsync(id))!.Version);
    }

    [Fact]
    public async Task Update_can_make_a_character_public_and_then_other_users_see_it()
    {
        var id = await CreateAsync(host.Owner, new { name = "Shy" });
        using var hidden = await host.Other.Client.GetAsync(CharacterRoutes.Of(id));

        using var published = await host.Owner.Client.PutAsJsonAsync(CharacterRoutes.Of(id), new { persona = new { name = "Shy" }, visibility = "public" });
        using var seen = await host.Other.Client.GetAsync(CharacterRoutes.Of(id));

        await hidden.AssertProblemAsync(HttpStatusCode.NotFound, "E4040");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var body = await published.ReadJsonAsync();
        Assert.Equal(("public", 2), (body.String("visibility"), body.GetProperty("version").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        Assert.Contains(id, await ListedIdsAsync(host.Other));
    }

    [Fact]
    public async Task A_private_character_is_missing_for_other_users_and_listed_only_for_its_owner_and_admins()
    {
        var secret = await CreateAsync(host.Owner, new { name = "Secret" });
        var open = await CreateAsync(host.Owner, new { name = "Open" }, visibility: "public");

        using var byOther = await host.Other.Client.GetAsync(CharacterRoutes.Of(secret));
        using var versionsByOther = await host.Other.Client.GetAsync(CharacterRoutes.VersionsOf(secret));
        using var editByOther = await host.Other.Client.PutAsJsonAsync(CharacterRoutes.Of(secret), new { persona = new { name = "Mine now" } });

        await byOther.AssertProblemAsync(HttpStatusCode.NotFound, "E4040");
        await versionsByOther.AssertProblemAsync(HttpStatusCode.NotFound, "E4040");
        await editByOther.AssertProblemAsync(HttpStatusCode.NotFound, "E4040");
        var otherSees = await ListedIdsAsync(host.Other);
        Assert.DoesNotContain(secret, otherSees);
        Assert.Contains(open, otherSees);
        Assert.Contains(secret, await ListedIdsAsync(host.Owner));
        Assert.Contains(secret, await ListedIdsAsync(host.Admin));
    }

    [Fact]
    public async Task The_list_shows_the_built_in_characters_with_name_aliases_owner_and_visibility()
    {
        using var response = await host.Guest.Client.GetAsync(CharacterRoutes.Characters);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lumina = (await response.ReadJsonAsync()).GetProperty("characters").EnumerateArray().Single(c => c.String("id") == UpstreamCharacters.LuminaId);
        Assert.Equal(("ルミナ", "system", "public"), (lumina.String("name"), lumina.String("ownerId"), lumina.String("visibility")));
        Assert.Equal(UpstreamCharacters.Lumina.Aliases, lumina.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task Delete_removes_the_character_from_reads_and_the_list_and_frees_its_id()
    {
        var id = await CreateAsync(host.Owner, new { name = "Doomed" }, visibility: "public");

        using var deleted = await host.Owner.Client.DeleteAsync(CharacterRoutes.Of(id));
        using var read = await host.Owner.Client.GetAsync(CharacterRoutes.Of(id));
        using var again = await host.Owner.Client.DeleteAsync(CharacterRoutes.Of(id));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await read.AssertProblemAsync(HttpStatusCode.NotFound, "E4040");
        await again.AssertProblemAsync(HttpStatusCode.NotFound, "E4040");
        Assert.DoesNotContain(id, await ListedIdsAsync(host.Admin));
        Assert.Equal(id, await CreateAsync(host.Other, new { name = "Reborn" }, id: id));
    }

    [Theory]
    [InlineData(UpstreamCharacters.LuminaId)]
    [InlineData(UpstreamCharacters.ClarisseId)]
    [InlineData(UpstreamCharacters.NoxId)]
    public async Task Only_admins_may_edit_the_built_in_characters(string id)
    {
        var before = (await host.ProfileAsync(id))!;
        var persona = PersonaFields(before.Persona);

        using var byUser = await host.Owner.Client.PutAsJsonAsync(CharacterRoutes.Of(id), new { persona = persona with { Description = "user edit" } }, WireJson.Options);
        using var byOperator = await host.Operator.Client.PutAsJsonAsync(CharacterRoutes.Of(id), new { persona = persona with { Description = "operator edit" } }, WireJson.Options);
        using var deleteByUser = await host.Other.Client.DeleteAsync(CharacterRoutes.Of(id));
        var unchanged = (await host.ProfileAsync(id))!;
        using var byAdmin = await host.Admin.Client.PutAsJsonAsync(CharacterRoutes.Of(id), new { persona = persona with { Description = "admin edit" } }, WireJson.Options);

        Assert.Equal((UpstreamCharacters.SystemOwner, CharacterVisibility.Public), (before.OwnerId, before.Visibility));
        await byUser.AssertProblemAsync(HttpStatusCode.Forbidden, "E9001");
        await byOperator.AssertProblemAsync(HttpStatusCode.Forbidden, "E9001");
        await deleteByUser.AssertProblemAsync(HttpStatusCode.Forbidden, "E9001");
        Assert.Equal((before.Version, before.Persona), (unchanged.Version, unchanged.Persona));
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        Assert.Equal("admin edit", (await host.ProfileAsync(id))!.Persona.Description);
    }

    private static async Task<string> CreateAsync(TestUser owner, object persona, string visibility = "private", string? id = null)
    {
        using var created = await owner.Client.PostAsJsonAsync(CharacterRoutes.Characters, new { id = id ?? CharacterApiHost.NewId(), persona, visibility });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.ReadJsonAsync()).String("id")!;
    }

    private static async Task<List<string>> ListedIdsAsync(TestUser viewer)
    {
        using var response = await viewer.Client.GetAsync(CharacterRoutes.Characters);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.ReadJsonAsync()).GetProperty("characters").EnumerateArray().Select(c => c.String("id")!)];
    }

    private static string? Error(JsonElement problem, string field) => Assert.Single(problem.GetProperty("errors").GetProperty(field).EnumerateArray()).GetString();

    private static ApiHost.Characters.PersonaFields PersonaFields(Persona persona) => ApiHost.Characters.PersonaFields.From(persona);
}
