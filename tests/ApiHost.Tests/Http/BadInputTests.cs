using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using LlmMultiChat.ApiHost.Tests.Infrastructure;

namespace LlmMultiChat.ApiHost.Tests.Http;

/// <summary>
/// Each kind of bad request body gets its documented status and code, and changes nothing: after every refused
/// registration the directory is still empty, so the next good registration is the first (admin) account.
/// </summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private readonly ApiHosts _host = ApiHosts.Start();
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _host.Factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Theory]
    [InlineData("{\"username\": \"alice\", ", HttpStatusCode.BadRequest, "E4001")]
    [InlineData("not json at all", HttpStatusCode.BadRequest, "E4001")]
    [InlineData("{\"username\": 5, \"email\": \"a@example.com\", \"password\": \"Correct-horse-1\"}", HttpStatusCode.BadRequest, "E4002")]
    [InlineData("{\"username\": \"alice\", \"email\": \"a@example.com\", \"password\": \"Correct-horse-1\", \"isAdmin\": true}", HttpStatusCode.BadRequest, "E4002")]
    [InlineData("{\"username\": \"alice\", \"email\": \"a@example.com\"}", HttpStatusCode.BadRequest, "E4002")]
    [InlineData("{\"username\": null, \"email\": \"a@example.com\", \"password\": \"Correct-horse-1\"}", HttpStatusCode.BadRequest, "E4002")]
    [InlineData("[1, 2, 3]", HttpStatusCode.BadRequest, "E4002")]
    [InlineData("{\"username\": \"a\", \"email\": \"not-an-email\", \"password\": \"weak\"}", HttpStatusCode.BadRequest, "E4000")]
    public async Task A_bad_json_body_gets_its_code_and_creates_nothing(string body, HttpStatusCode status, string code)
    {
        using var response = await _client.PostAsync("/api/v1/auth/register", new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertProblem(response, status, code);
        await AssertNothingWasCreated();
    }

    [Fact]
    public async Task Validation_errors_name_every_bad_field()
    {
        using var response = await _client.PostAsJsonAsync("/api/v1/auth/register", new { username = "a b", email = "nope", password = "weak" });

        var problem = await AssertProblem(response, HttpStatusCode.BadRequest, "E4000");
        Assert.Equal(["email", "password", "username"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
    }

    [Fact]
    public async Task Invalid_utf8_is_refused_as_such()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"username\": \"alice\", \"email\": \"a@example.com\", \"password\": \"Correct-horse-1X\"}");
        bytes[^4] = 0xC3; // a lead byte followed by an ASCII quote: not UTF-8
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await _client.PostAsync("/api/v1/auth/register", content);

        await AssertProblem(response, HttpStatusCode.BadRequest, "E4003");
        await AssertNothingWasCreated();
    }

    [Fact]
    public async Task A_body_over_one_mebibyte_is_refused_before_it_is_read_whole()
    {
        var huge = new string('x', (1 << 20) + 1);
        using var response = await _client.PostAsJsonAsync("/api/v1/auth/register", new { username = "alice", email = "a@example.com", password = huge });

        await AssertProblem(response, HttpStatusCode.RequestEntityTooLarge, "E4130");
        await AssertNothingWasCreated();
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_refused_too()
    {
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("\"" + new string('x', (1 << 20) + 10) + "\"")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/register") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _client.SendAsync(request);

        await AssertProblem(response, HttpStatusCode.RequestEntityTooLarge, "E4130");
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_an_unsupported_media_type()
    {
        using var response = await _client.PostAsync("/api/v1/auth/register", new StringContent("username=alice", Encoding.UTF8, "application/x-www-form-urlencoded"));

        await AssertProblem(response, HttpStatusCode.UnsupportedMediaType, "E4150");
    }

    [Fact]
    public async Task A_missing_body_is_a_shape_error()
    {
        using var response = await _client.PostAsync("/api/v1/auth/register", null);

        await AssertProblem(response, HttpStatusCode.BadRequest, "E4002");
    }

    [Fact]
    public async Task Unknown_routes_and_wrong_methods_are_problems_too()
    {
        using var unknown = await _client.GetAsync("/api/v1/no-such-route");
        using var wrongMethod = await _client.GetAsync("/api/v1/auth/login");

        await AssertProblem(unknown, HttpStatusCode.NotFound, "E4040");
        await AssertProblem(wrongMethod, HttpStatusCode.MethodNotAllowed, "E4050");
    }

    [Fact]
    public async Task A_bad_query_parameter_names_the_parameter()
    {
        using var admin = await _host.Factory.SignUpAsync("admin");

        using var notANumber = await admin.Client.GetAsync("/api/v1/admin/users?limit=abc");
        using var outOfRange = await admin.Client.GetAsync("/api/v1/admin/users?limit=5000");

        Assert.Contains("limit", (await AssertProblem(notANumber, HttpStatusCode.BadRequest, "E4004")).String("detail"), StringComparison.Ordinal);
        Assert.True((await AssertProblem(outOfRange, HttpStatusCode.BadRequest, "E4000")).GetProperty("errors").TryGetProperty("limit", out _));
    }

    [Fact]
    public async Task Text_that_looks_like_sql_or_html_is_stored_as_sent_and_returned_escaped()
    {
        const string email = "<script>alert(1)</script>@example.com";
        const string password = "Robert'); DROP TABLE users;--1A";
        using var registered = await _client.PostAsJsonAsync("/api/v1/auth/register", new { username = "bobby_tables", email, password });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

        using var bobby = await _host.Factory.LogInAsync("bobby_tables", password);
        using var me = await bobby.Client.GetAsync("/api/v1/auth/me");
        var raw = await me.Content.ReadAsStringAsync();

        Assert.Equal(email, (await me.ReadJsonAsync()).GetProperty("user").String("email"));
        Assert.DoesNotContain("<script>", raw, StringComparison.Ordinal);
        Assert.Contains("\\u003Cscript\\u003E", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_problem_never_carries_a_stack_trace_or_exception_text()
    {
        using var response = await _client.PostAsync("/api/v1/auth/register", new StringContent("{\"username\": 5}", Encoding.UTF8, "application/json"));

        var raw = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", raw, StringComparison.Ordinal);
    }

    private static async Task<System.Text.Json.JsonElement> AssertProblem(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal((code, (int)status), (problem.String("code"), problem.GetProperty("status").GetInt32()));
        Assert.False(string.IsNullOrEmpty(problem.String("traceId")));
        return problem;
    }

    private async Task AssertNothingWasCreated()
    {
        using var first = await _host.Factory.SignUpAsync("firstuser");
        using var me = await first.Client.GetAsync("/api/v1/auth/me");
        Assert.Equal(["admin"], (await me.ReadJsonAsync()).GetProperty("user").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }
}
