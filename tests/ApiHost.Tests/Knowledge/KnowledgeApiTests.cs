using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LlmMultiChat.ApiHost.Tests.Characters;
using LlmMultiChat.ApiHost.Tests.Infrastructure;

namespace LlmMultiChat.ApiHost.Tests.Knowledge;

public sealed class KnowledgeApiTests(KnowledgeApiHost host) : IClassFixture<KnowledgeApiHost>
{
    private const string Fuji = "富士山は日本で一番高い山で、標高は三七七六メートルです。";
    private const string Tower = "東京タワーは一九五八年に完成した電波塔で、港区芝公園にあります。";

    [Fact]
    public async Task A_premium_user_adds_documents_everyone_finds_them_and_a_deletion_removes_them()
    {
        var ns = KnowledgeApiHost.NewNamespace();
        var premium = host.Client("premium");

        using var added = await premium.PostAsJsonAsync(Documents(ns), new { title = "富士山", text = Fuji, source = "https://example.com/fuji" });
        using var other = await premium.PostAsJsonAsync(Documents(ns), new { title = "東京タワー", text = Tower });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var document = await added.ReadJsonAsync();
        var id = document.String("id")!;
        Assert.Equal($"/api/v1/knowledge/{ns}/documents/{id}", added.Headers.Location?.OriginalString);
        Assert.Equal((ns, "富士山", "https://example.com/fuji", 1, Fuji.Length), (document.String("namespace"), document.String("title"), document.String("source"), document.GetProperty("chunkCount").GetInt32(), document.GetProperty("characters").GetInt32()));
        var listed = await host.Client("guest").GetFromJsonAsync<JsonElement>(Documents(ns));
        Assert.Equal(["富士山", "東京タワー"], listed.GetProperty("documents").EnumerateArray().Select(d => d.String("title")));

        var found = await host.Client("guest").GetFromJsonAsync<JsonElement>($"/api/v1/knowledge/{ns}/search?q={Uri.EscapeDataString("日本で一番高い山")}&k=2");
        var results = found.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        Assert.Equal((id, "富士山", Fuji, 0), (results[0].String("documentId"), results[0].String("documentTitle"), results[0].String("text"), results[0].GetProperty("chunkIndex").GetInt32()));
        Assert.True(results[0].GetProperty("score").GetSingle() > results[1].GetProperty("score").GetSingle());

        using var deleted = await premium.DeleteAsync($"{Documents(ns)}/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var after = await host.Client("user").GetFromJsonAsync<JsonElement>($"/api/v1/knowledge/{ns}/search?q={Uri.EscapeDataString("日本で一番高い山")}");
        Assert.All(after.GetProperty("results").EnumerateArray(), r => Assert.NotEqual(id, r.String("documentId")));
        using var again = await premium.DeleteAsync($"{Documents(ns)}/{id}");
        await again.AssertProblemAsync(HttpStatusCode.NotFound, "E4040");
    }

    public static TheoryData<string, int, int, int, int> Callers() => new()
    {
        // caller       add  delete list search
        { "anonymous", 401, 401, 401, 401 },
        { "guest",     403, 403, 200, 200 },
        { "user",      403, 403, 200, 200 },
        { "operator",  403, 403, 200, 200 },
        { "premium",   201, 204, 200, 200 },
        { "admin",     201, 204, 200, 200 },
    };

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Only_admins_and_premium_accounts_write_and_every_signed_in_role_reads(string caller, int add, int delete, int list, int search)
    {
        var ns = KnowledgeApiHost.NewNamespace();
        using var seeded = await host.Client("admin").PostAsJsonAsync(Documents(ns), new { title = "seed", text = Tower });
        var seedId = (await seeded.ReadJsonAsync()).String("id");
        var client = host.Client(caller);

        using var added = await client.PostAsJsonAsync(Documents(ns), new { title = "new", text = Fuji });
        using var listed = await client.GetAsync(Documents(ns));
        using var searched = await client.GetAsync($"/api/v1/knowledge/{ns}/search?q=tower");
        using var deleted = await client.DeleteAsync($"{Documents(ns)}/{seedId}");

        Assert.Equal((add, delete, list, search), ((int)added.StatusCode, (int)deleted.StatusCode, (int)listed.StatusCode, (int)searched.StatusCode));
        if (add >= 400)
        {
            await added.AssertProblemAsync((HttpStatusCode)add, add == 401 ? "E8002" : "E9001");
            await deleted.AssertProblemAsync((HttpStatusCode)delete, delete == 401 ? "E8002" : "E9001");
            Assert.Equal(["seed"], await TitlesAsync(ns));
        }
        else
        {
            Assert.Equal(["new"], await TitlesAsync(ns));
        }
    }

    public static TheoryData<string, string> BadDocuments() => new()
    {
        { """{"title":"","text":"text"}""", "title" },
        { """{"title":"   ","text":"text"}""", "title" },
        { $$"""{"title":"{{new string('t', 201)}}","text":"text"}""", "title" },
        { """{"title":"title","text":""}""", "text" },
        { $$"""{"title":"title","text":"{{new string('a', (1 << 20) + 1)}}"}""", "text" },
        { $$"""{"title":"title","text":"text","source":"{{new string('s', 2001)}}"}""", "source" },
    };

    [Theory]
    [MemberData(nameof(BadDocuments))]
    public async Task A_document_breaking_a_rule_is_400_naming_the_field_and_nothing_is_stored(string body, string field)
    {
        var ns = KnowledgeApiHost.NewNamespace();

        using var response = await host.Client("admin").PostAsync(Documents(ns), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "E4000");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Empty(await TitlesAsync(ns));
    }

    [Fact]
    public async Task A_body_beyond_the_routes_limit_is_413_and_nothing_is_stored()
    {
        var ns = KnowledgeApiHost.NewNamespace();

        using var response = await host.Client("admin").PostAsJsonAsync(Documents(ns), new { title = "huge", text = new string('a', 3 << 20) });

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "E4130");
        Assert.Empty(await TitlesAsync(ns));
    }

    [Theory]
    [InlineData("q=", "q")]
    [InlineData("k=3", "q")]
    [InlineData("q=tower&k=0", "k")]
    [InlineData("q=tower&k=51", "k")]
    public async Task A_search_outside_its_limits_is_400_naming_the_parameter(string query, string field)
    {
        var problem = await (await host.Client("guest").GetAsync($"/api/v1/knowledge/movie/search?{query}")).AssertProblemAsync(HttpStatusCode.BadRequest, "E4000");

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_query_longer_than_1000_characters_is_refused_and_one_of_1000_is_answered()
    {
        using var tooLong = await host.Client("guest").GetAsync($"/api/v1/knowledge/movie/search?q={new string('q', 1001)}");
        using var longest = await host.Client("guest").GetAsync($"/api/v1/knowledge/movie/search?q={new string('q', 1000)}");

        await tooLong.AssertProblemAsync(HttpStatusCode.BadRequest, "E4000");
        Assert.Equal(HttpStatusCode.OK, longest.StatusCode);
    }

    [Fact]
    public async Task A_k_that_is_not_a_number_is_a_bad_parameter()
    {
        using var response = await host.Client("guest").GetAsync("/api/v1/knowledge/movie/search?q=tower&k=many");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "E4004");
    }

    [Theory]
    [InlineData("GET", "/api/v1/knowledge/Bad%20Name/documents")]
    [InlineData("GET", "/api/v1/knowledge/x/search?q=tower")]
    [InlineData("POST", "/api/v1/knowledge/kb:movie/documents")]
    [InlineData("DELETE", "/api/v1/knowledge/MOVIE/documents/abc")]
    public async Task A_namespace_id_outside_the_pattern_is_a_bad_parameter(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { title = "t", text = "text" });
        }

        using var response = await host.Client("admin").SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "E4004");
    }

    private static string Documents(string ns) => $"/api/v1/knowledge/{ns}/documents";

    private async Task<List<string?>> TitlesAsync(string ns)
    {
        var listed = await host.Client("admin").GetFromJsonAsync<JsonElement>(Documents(ns));
        return [.. listed.GetProperty("documents").EnumerateArray().Select(d => d.String("title"))];
    }
}
