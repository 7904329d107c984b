using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using LlmMultiChat.ApiHost.Tests.Infrastructure;
using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Tests.Characters.Cards;

namespace LlmMultiChat.ApiHost.Tests.Characters;

public sealed class CharacterCardsApiTests(CharacterApiHost host) : IClassFixture<CharacterApiHost>
{
    private const string Json = "application/json";
    private const string Png = "image/png";

    [Fact]
    public async Task Importing_a_V2_json_card_creates_a_private_character_of_the_caller_with_the_card_persona()
    {
        var id = CharacterApiHost.NewId();

        using var response = await ImportAsync(host.Owner, CardSamples.Utf8(CardSamples.V2), Json, $"?id={id}");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(CharacterRoutes.Of(id), response.Headers.Location?.OriginalString);
        var body = await response.ReadJsonAsync();
        Assert.Equal((id, host.Owner.Id, "private", false), (body.String("id"), body.String("ownerId"), body.String("visibility"), body.GetProperty("hasAvatar").GetBoolean()));
        var persona = (await host.ProfileAsync(id))!.Persona;
        Assert.Equal(("ルミナ 🌙", "夜の図書館", 0.8), (persona.Name, persona.Scenario, persona.Talkativeness));
        Assert.Equal(["こんばんは！✨", "おはよう☀️", "Hi! 👋"], persona.Greetings);
        Assert.Equal("ルミナ 🌙", body.GetProperty("persona").String("name"));
    }

    [Fact]
    public async Task Importing_a_png_card_makes_the_image_without_its_card_the_avatar()
    {
        var card = TestPng.ImageWith(TestPng.Text("ccv3", CardSamples.Base64(CardSamples.V3)));

        using var response = await ImportAsync(host.Owner, card, Png, "?visibility=public");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(("public", true, "ルミナ 🌙"), (body.String("visibility"), body.GetProperty("hasAvatar").GetBoolean(), body.GetProperty("persona").String("name")));
        // A name without Latin letters gives a random id.
        var id = body.String("id")!;
        Assert.Matches("^[a-z0-9]{12}$", id);
        using var avatar = await host.Other.Client.GetAsync(CharacterRoutes.AvatarOf(id));
        Assert.Equal(Png, avatar.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["IHDR", "IDAT", "IEND"], TestPng.ReadValid(await avatar.Content.ReadAsByteArrayAsync()).Select(chunk => chunk.Type));
    }

    [Fact]
    public async Task A_body_over_the_card_limit_is_413_and_creates_nothing()
    {
        var before = await CountAsync();
        var oversized = TestPng.ImageWith(("tEXt", new byte[(8 << 20) + 1]));

        using var response = await ImportAsync(host.Owner, oversized, Png);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "E4130");
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_json_card_over_the_importers_json_limit_is_413_with_its_message()
    {
        var card = CardSamples.Utf8(JsonSerializer.Serialize(new { name = "Huge", description = new string('x', 1 << 20) }));

        using var response = await ImportAsync(host.Owner, card, Json);

        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "E4130");
        Assert.Contains("at most 1048576", problem.String("detail"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("image/jpeg")]
    [InlineData("application/octet-stream")]
    public async Task A_card_in_another_content_type_is_415_and_creates_nothing(string mediaType)
    {
        var before = await CountAsync();

        using var response = await ImportAsync(host.Owner, CardSamples.Utf8(CardSamples.V2), mediaType);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "E4150");
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Garbage_sent_as_png_is_400_with_the_importers_message_and_creates_nothing()
    {
        var before = await CountAsync();
        byte[] truncated = [.. TestPng.ImageWith(TestPng.Text("chara", CardSamples.Base64(CardSamples.V2)))[..40]];

        using var garbage = await ImportAsync(host.Owner, "GIF89a not a png at all"u8.ToArray(), Png);
        using var cut = await ImportAsync(host.Owner, truncated, Png);
        using var noCard = await ImportAsync(host.Owner, TestPng.ImageWith(), Png);

        Assert.Contains("not a PNG image", (await garbage.AssertProblemAsync(HttpStatusCode.BadRequest, "E4000")).String("detail"), StringComparison.Ordinal);
        Assert.Contains("truncated", (await cut.AssertProblemAsync(HttpStatusCode.BadRequest, "E4000")).String("detail"), StringComparison.Ordinal);
        Assert.Contains("carries no character card", (await noCard.AssertProblemAsync(HttpStatusCode.BadRequest, "E4000")).String("detail"), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_png_card_whose_image_the_avatar_store_refuses_leaves_no_character_behind()
    {
        // The card reader accepts a 12-byte IHDR; the avatar check wants the 13 bytes PNG prescribes.
        var id = CharacterApiHost.NewId();
        var card = TestPng.Write([("IHDR", new byte[12]), TestPng.Text("chara", CardSamples.Base64(CardSamples.V2)), ("IEND", [])]);

        using var response = await ImportAsync(host.Owner, card, Png, $"?id={id}");

        Assert.Contains("not a PNG", (await response.AssertProblemAsync(HttpStatusCode.BadRequest, "E4000")).String("detail"), StringComparison.Ordinal);
        Assert.Null(await host.ProfileAsync(id));
    }

    [Fact]
    public async Task A_json_card_without_a_name_is_400_with_the_importers_message()
    {
        using var response = await ImportAsync(host.Owner, """{"spec":"chara_card_v2","spec_version":"2.0","data":{"description":"nobody"}}"""u8.ToArray(), Json);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "E4000");
        Assert.Contains("name", problem.String("detail"), StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").TryGetProperty("card", out _));
    }

    [Fact]
    public async Task A_card_that_breaks_the_persona_rules_is_400_naming_the_card_field()
    {
        // The importer allows names up to 256 characters; a persona's name stops at 100.
        var card = CardSamples.Utf8(JsonSerializer.Serialize(new { name = new string('n', 150) }));

        using var response = await ImportAsync(host.Owner, card, Json);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "E4000");
        Assert.True(problem.GetProperty("errors").TryGetProperty("card.name", out _));
    }

    [Fact]
    public async Task Import_under_a_taken_id_is_409()
    {
        var id = await host.CharacterOfAsync(host.Owner, CharacterVisibility.Private);

        using var response = await ImportAsync(host.Owner, CardSamples.Utf8(CardSamples.V1), Json, $"?id={id}");

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "E4090");
        Assert.Equal("テスト", (await host.ProfileAsync(id))!.Persona.Name);
    }

    [Theory]
    [InlineData("?id=Not-Valid")]
    [InlineData("?visibility=everyone")]
    public async Task A_bad_id_or_visibility_parameter_on_import_is_400_E4004(string query)
    {
        using var response = await ImportAsync(host.Owner, CardSamples.Utf8(CardSamples.V1), Json, query);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "E4004");
    }

    [Fact]
    public async Task An_exported_json_card_imported_under_another_id_gives_the_same_persona()
    {
        var original = CharacterApiHost.NewId();
        var copy = CharacterApiHost.NewId();
        var persona = ApiHost.Characters.PersonaFields.From(CardSamples.FullPersona());
        using var created = await host.Owner.Client.PostAsJsonAsync(CharacterRoutes.Characters, new { id = original, persona }, WireJson.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var exported = await host.Owner.Client.GetAsync(CharacterRoutes.CardOf(original, "json"));
        var card = await exported.Content.ReadAsByteArrayAsync();
        using var imported = await ImportAsync(host.Owner, card, Json, $"?id={copy}");

        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        Assert.Equal(Json, exported.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{original}.json", exported.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("chara_card_v2", (string?)JsonNode.Parse(card)!["spec"]);
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        Assert.Equal(await PersonaJsonAsync(original), await PersonaJsonAsync(copy));
    }

    [Fact]
    public async Task Export_writes_a_V3_card_when_asked()
    {
        var id = await host.CharacterOfAsync(host.Owner, CharacterVisibility.Private);

        using var exported = await host.Owner.Client.GetAsync($"{CharacterRoutes.CardOf(id, "json")}&spec=v3");

        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        Assert.Equal("chara_card_v3", (string?)JsonNode.Parse(await exported.Content.ReadAsStringAsync())!["spec"]);
    }

    [Fact]
    public async Task A_png_export_is_the_avatar_carrying_the_card_and_imports_back_to_the_same_persona()
    {
        var id = await host.CharacterOfAsync(host.Owner, CharacterVisibility.Public, name: "Picture");
        var avatar = TestPng.ReadValid((await host.Grains.GetGrain<ICharacterGrain>(id).Avatar())!);

        using var exported = await host.Other.Client.GetAsync(CharacterRoutes.CardOf(id, "png"));
        var png = await exported.Content.ReadAsByteArrayAsync();
        using var imported = await ImportAsync(host.Other, png, Png);

        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        Assert.Equal((Png, $"{id}.png"), (exported.Content.Headers.ContentType?.MediaType, exported.Content.Headers.ContentDisposition?.FileName));
        var chunks = TestPng.ReadValid(png);
        Assert.Equal(avatar[0].Data, chunks[0].Data);
        Assert.Equal("Picture", (string?)JsonNode.Parse(TestPng.CardText(png, "ccv3"))!["data"]!["name"]);
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        Assert.Equal(await PersonaJsonAsync(id), await PersonaJsonAsync((await imported.ReadJsonAsync()).String("id")!));
    }

    [Fact]
    public async Task A_png_export_of_a_character_without_an_avatar_carries_the_card_in_a_placeholder_image()
    {
        using var exported = await host.Guest.Client.GetAsync(CharacterRoutes.CardOf(UpstreamCharacters.NoxId, "png"));

        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        var png = await exported.Content.ReadAsByteArrayAsync();
        Assert.Equal(64, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(TestPng.ReadValid(png)[0].Data));
        Assert.Equal("ノクス", (string?)JsonNode.Parse(TestPng.CardText(png, "chara"))!["data"]!["name"]);
    }

    [Theory]
    [InlineData("format=yaml")]
    [InlineData("format=json&spec=v9")]
    public async Task An_unknown_export_format_or_spec_is_400_E4004(string query)
    {
        using var response = await host.Guest.Client.GetAsync($"{CharacterRoutes.Of(UpstreamCharacters.LuminaId)}/card?{query}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "E4004");
    }

    [Fact]
    public async Task An_edit_keeps_the_imported_card_so_export_still_returns_what_the_persona_does_not_model()
    {
        var id = CharacterApiHost.NewId();
        using var imported = await ImportAsync(host.Owner, CardSamples.Utf8(CardSamples.V2), Json, $"?id={id}");
        var persona = ApiHost.Characters.PersonaFields.From((await host.ProfileAsync(id))!.Persona) with { Description = "書き換えた説明" };

        using var edited = await host.Owner.Client.PutAsJsonAsync(CharacterRoutes.Of(id), new { persona }, WireJson.Options);
        using var exported = await host.Owner.Client.GetAsync(CharacterRoutes.CardOf(id, "json"));

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var card = JsonNode.Parse(await exported.Content.ReadAsStringAsync())!;
        Assert.Equal("書き換えた説明", (string?)card["data"]!["description"]);
        Assert.Equal("本の未知フィールド", (string?)card["data"]!["character_book"]!["x_book_unknown"]);
        Assert.NotNull(card["x_top_unknown"]);
    }

    [Fact]
    public async Task An_avatar_can_be_set_read_and_removed_by_its_owner()
    {
        var id = await CreateWithoutAvatarAsync();
        var image = TestPng.ImageWith(("tIME", new byte[7]));

        using var set = await PutAvatarAsync(host.Owner, id, image, Png);
        using var read = await host.Owner.Client.GetAsync(CharacterRoutes.AvatarOf(id));
        var hadAvatar = (await host.ProfileAsync(id))!.HasAvatar;
        using var removed = await host.Owner.Client.DeleteAsync(CharacterRoutes.AvatarOf(id));
        using var gone = await host.Owner.Client.GetAsync(CharacterRoutes.AvatarOf(id));

        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        Assert.Equal(image, await read.Content.ReadAsByteArrayAsync());
        Assert.True(hadAvatar);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Contains("no avatar", (await gone.AssertProblemAsync(HttpStatusCode.NotFound, "E4040")).String("detail"), StringComparison.Ordinal);
        Assert.False((await host.ProfileAsync(id))!.HasAvatar);
    }

    [Fact]
    public async Task An_avatar_that_is_not_a_png_is_refused_and_changes_nothing()
    {
        var id = await CreateWithoutAvatarAsync();

        using var notPng = await PutAvatarAsync(host.Owner, id, "not an image"u8.ToArray(), Png);
        using var asJpeg = await PutAvatarAsync(host.Owner, id, TestPng.ImageWith(), "image/jpeg");

        Assert.Contains("not a PNG", (await notPng.AssertProblemAsync(HttpStatusCode.BadRequest, "E4000")).String("detail"), StringComparison.Ordinal);
        await asJpeg.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "E4150");
        Assert.False((await host.ProfileAsync(id))!.HasAvatar);
    }

    private async Task<string> CreateWithoutAvatarAsync()
    {
        var id = CharacterApiHost.NewId();
        await host.Grains.GetGrain<ICharacterGrain>(id).Create(new Persona { Name = "Faceless" }, host.Owner.Id, CharacterVisibility.Private);
        return id;
    }

    private static async Task<HttpResponseMessage> ImportAsync(TestUser user, byte[] content, string mediaType, string query = "")
    {
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return await user.Client.PostAsync(CharacterRoutes.Import + query, body);
    }

    private static async Task<HttpResponseMessage> PutAvatarAsync(TestUser user, string id, byte[] content, string mediaType)
    {
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return await user.Client.PutAsync(CharacterRoutes.AvatarOf(id), body);
    }

    private async Task<string> PersonaJsonAsync(string id)
    {
        using var response = await host.Admin.Client.GetAsync(CharacterRoutes.Of(id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("persona").ToString();
    }

    private async Task<int> CountAsync() => (await host.Grains.GetGrain<ICharacterDirectoryGrain>(ICharacterDirectoryGrain.Key).List(null)).Count;
}
