using System.Net;
using System.Net.Http.Json;
using System.Text;
using LlmMultiChat.ApiHost.Tests.Infrastructure;
using LlmMultiChat.Grains.Characters;

namespace LlmMultiChat.ApiHost.Tests.Characters;

/// <summary>Bad bodies get their own E-code and change nothing; honest text that looks like code is stored as sent.</summary>
public sealed class CharacterInputTests(CharacterApiHost host) : IClassFixture<CharacterApiHost>
{
    [Theory]
    [InlineData("""{"id":"ID","persona":{"name":"x"}""", "E4001")]
    [InlineData("""{"id":"ID","persona":{"name":"x",}}""", "E4001")]
    [InlineData("""{"id":"ID","persona":{"name":"x","politeness":"high"}}""", "E4002")]
    [InlineData("""{"id":"ID","persona":{"name":"x","verbosity":2}}""", "E4002")]
    [InlineData("""{"id":"ID","persona":{"name":"x","verbosity":"chatty"}}""", "E4002")]
    [InlineData("""{"id":"ID","persona":{"name":"x","aliases":"one"}}""", "E4002")]
    [InlineData("""{"id":"ID","persona":{"name":"x","description":null}}""", "E4002")]
    [InlineData("""{"id":"ID","persona":{"name":null}}""", "E4002")]
    [InlineData("""{"id":"ID","persona":{"description":"no name"}}""", "E4002")]
    [InlineData("""{"id":"ID"}""", "E4002")]
    [InlineData("""{"id":"ID","persona":{"name":"x"},"visibility":"friends"}""", "E4002")]
    [InlineData("""{"id":"ID","persona":{"name":"x"},"owner":"someone-else"}""", "E4002")]
    [InlineData("""{"id":"ID","persona":{"name":"x","sourceCard":"{\"spec\":\"chara_card_v2\"}"}}""", "E4002")]
    [InlineData("""["not", "an", "object"]""", "E4002")]
    public async Task A_bad_create_body_is_400_with_its_code_and_creates_nothing(string template, string code)
    {
        var id = CharacterApiHost.NewId();

        using var response = await host.Owner.Client.PostAsync(CharacterRoutes.Characters, JsonBody(template.Replace("ID", id, StringComparison.Ordinal)));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, code);
        Assert.Null(await host.ProfileAsync(id));
    }

    [Theory]
    [InlineData("""{"persona":{"name":"x"}""", "E4001")]
    [InlineData("""{"persona":{"name":"x"},"expectedVersion":"one"}""", "E4002")]
    [InlineData("""{"persona":{"name":"x"},"version":1}""", "E4002")]
    [InlineData("""{"persona":{"name":"x","talkativeness":1.5}}""", "E4000")]
    public async Task A_bad_update_body_is_400_with_its_code_and_changes_nothing(string body, string code)
    {
        var id = await host.CharacterOfAsync(host.Owner, CharacterVisibility.Private, name: "Unchanged");

        using var response = await host.Owner.Client.PutAsync(CharacterRoutes.Of(id), JsonBody(body));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, code);
        var profile = (await host.ProfileAsync(id))!;
        Assert.Equal(("Unchanged", 1), (profile.Persona.Name, profile.Version));
    }

    [Fact]
    public async Task A_body_that_is_not_utf8_is_400_E4003()
    {
        using var body = new ByteArrayContent([.. "{\"persona\":{\"name\":\""u8, 0xC3, 0x28, .. "\"}}"u8]);
        body.Headers.ContentType = new("application/json");

        using var response = await host.Owner.Client.PostAsync(CharacterRoutes.Characters, body);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "E4003");
    }

    [Fact]
    public async Task A_create_body_in_another_content_type_is_415()
    {
        using var body = new StringContent("""{"persona":{"name":"x"}}""", Encoding.UTF8, "text/plain");

        using var response = await host.Owner.Client.PostAsync(CharacterRoutes.Characters, body);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "E4150");
    }

    [Fact]
    public async Task Html_and_sql_looking_text_is_stored_verbatim_and_returned_json_escaped()
    {
        const string Description = "<script>alert('x')</script> '; DROP TABLE silo_grain_state; -- & \"quoted\"";
        var id = CharacterApiHost.NewId();

        using var created = await host.Owner.Client.PostAsJsonAsync(CharacterRoutes.Characters, new { id, persona = new { name = "<b>Bold</b>", description = Description } });
        using var read = await host.Owner.Client.GetAsync(CharacterRoutes.Of(id));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var stored = (await host.ProfileAsync(id))!.Persona;
        Assert.Equal(("<b>Bold</b>", Description), (stored.Name, stored.Description));
        var raw = await read.Content.ReadAsStringAsync();
        Assert.Contains(@"\u003Cscript\u003E", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("<", raw, StringComparison.Ordinal);
        var body = await read.ReadJsonAsync();
        Assert.Equal(Description, body.GetProperty("persona").String("description"));
        using var listed = await host.Owner.Client.GetAsync(CharacterRoutes.Characters);
        Assert.DoesNotContain("<", await listed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("0-starts_with-a-digit")]
    [InlineData("a123456789012345678901234567890123456789012345678901234567890123")]
    public async Task Ids_within_the_pattern_are_accepted(string id)
    {
        using var response = await host.Owner.Client.PostAsJsonAsync(CharacterRoutes.Characters, new { id, persona = new { name = "Bound" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(id, (await response.ReadJsonAsync()).String("id"));
    }

    [Fact]
    public async Task A_route_id_outside_the_pattern_is_simply_not_found()
    {
        using var response = await host.Admin.Client.GetAsync(CharacterRoutes.Of("Not%20An%20Id"));

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "E4040");
    }

    private static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");
}
