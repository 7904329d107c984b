using LlmMultiChat.FakeLlm;
using LlmMultiChat.FakeLlm.Recording;
using LlmMultiChat.FakeLlm.Scripting;
using LlmMultiChat.Grains.Llm;
using LlmMultiChat.Grains.Llm.OpenAi;
using LlmMultiChat.Grains.Tests.Llm.Support;

namespace LlmMultiChat.Grains.Tests.Llm;

public sealed class OpenAiChatClientConformanceTests : ChatClientConformanceTests
{
    private const string ApiKey = "sk-test-key";

    private static readonly LlmChatRequest s_request = new("gpt-4o-mini", [new LlmMessage(LlmRole.User, "Hi")]);

    protected override string Protocol => "openai";

    protected override ILlmChatClient CreateClient(Uri baseUrl, HttpClient http) => new OpenAiChatClient(Provider, baseUrl, ApiKey, http);

    protected override Uri BaseUrl(FakeLlmServer server) => server.OpenAiBaseUrl;

    protected override Uri BaseUrl(Uri serverRoot) => new(serverRoot, "v1");

    protected override void AssertSamplingFieldNames(FakeRequest request)
    {
        Assert.Equal("/v1/chat/completions", request.Path);
        var json = request.Json!;
        Assert.Equal(0.25, json["temperature"]!.GetValue<double>());
        Assert.Equal(0.5, json["top_p"]!.GetValue<double>());
        Assert.Equal(42, json["max_completion_tokens"]!.GetValue<int>());
        Assert.Null(json["max_tokens"]);
        Assert.Equal(["END", "###"], json["stop"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public async Task The_request_asks_for_usage_in_the_stream()
    {
        await Client.StreamChatAsync(s_request, CancellationToken.None).ReadAllOrFail("the reply");

        Assert.True(Assert.Single(Server.ChatRequests).IncludeUsage, "stream_options.include_usage must be true, or the stream carries no token counts.");
    }

    [Fact]
    public async Task The_api_key_is_sent_as_a_bearer_token()
    {
        await Client.StreamChatAsync(s_request, CancellationToken.None).ReadAllOrFail("the reply");

        Assert.Equal($"Bearer {ApiKey}", Assert.Single(Server.ChatRequests).Headers["authorization"]);
    }

    [Fact]
    public async Task Without_an_api_key_no_authorization_header_is_sent()
    {
        using var http = new HttpClient();
        var client = new OpenAiChatClient(Provider, Server.OpenAiBaseUrl, apiKey: null, http);

        await client.StreamChatAsync(s_request, CancellationToken.None).ReadAllOrFail("the reply");

        Assert.False(Assert.Single(Server.ChatRequests).Headers.ContainsKey("authorization"));
    }

    [Fact]
    public async Task A_wrong_api_key_maps_to_unavailable_with_status_401()
    {
        await using var guarded = new FakeLlmServer(new FakeLlmServerOptions { RequiredApiKey = "sk-right" });
        await guarded.StartAsync();
        using var http = new HttpClient();
        var client = new OpenAiChatClient(Provider, guarded.OpenAiBaseUrl, "sk-wrong", http);

        var reply = await client.StreamChatAsync(s_request, CancellationToken.None).ReadAllOrFail("the refused reply");

        var error = Assert.IsType<LlmHttpException>(reply.Error);
        Assert.Equal(401, error.StatusCode);
        Assert.Contains("Incorrect API key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_limit_can_be_sent_as_max_tokens_for_servers_that_only_read_that()
    {
        using var http = new HttpClient();
        var client = new OpenAiChatClient(Provider, Server.OpenAiBaseUrl, ApiKey, http, OpenAiMaxTokensField.MaxTokens);

        await client.StreamChatAsync(s_request with { MaxTokens = 7 }, CancellationToken.None).ReadAllOrFail("the reply");

        var json = Assert.Single(Server.ChatRequests).Json!;
        Assert.Equal(7, json["max_tokens"]!.GetValue<int>());
        Assert.Null(json["max_completion_tokens"]);
    }
}
