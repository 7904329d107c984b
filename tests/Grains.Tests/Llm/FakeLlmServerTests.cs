using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using LlmMultiChat.FakeLlm;
using LlmMultiChat.FakeLlm.Scripting;
using LlmMultiChat.Grains.Llm;
using LlmMultiChat.Grains.Llm.Ollama;
using LlmMultiChat.Grains.Tests.Llm.Support;
using Silo.Testing;

namespace LlmMultiChat.Grains.Tests.Llm;

/// <summary>The fake's own promises, which the other suites rely on.</summary>
public sealed class FakeLlmServerTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new();
    private HttpClient Http { get; } = new();

    private FakeLlmServer Server { get; set; } = null!;

    public async Task InitializeAsync()
    {
        Server = new FakeLlmServer(new FakeLlmServerOptions { Time = _clock, Models = ["qwen2.5:3b", "tiny"] });
        await Server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    [Fact]
    public async Task Tokens_are_paced_on_the_injected_clock()
    {
        Server.Enqueue(FakeReply.Text("a b c").AtRate(2));
        var client = new OllamaChatClient("fake", Server.BaseUrl, Http);
        await using var items = client.StreamChatAsync(new LlmChatRequest("tiny", [new LlmMessage(LlmRole.User, "go")]), CancellationToken.None).GetAsyncEnumerator();

        Assert.Equal(new LlmToken("a"), await items.NextOrFail("the first token, sent at once"));
        var second = items.MoveNextAsync().AsTask();
        await _clock.WhenTimerArmed(TimeSpan.FromMilliseconds(500)).WaitOrFail("the pause before the second token");
        Assert.False(second.IsCompleted, "The second token must wait for the clock.");
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.True(await second.WaitOrFail("the second token"));
        Assert.Equal(new LlmToken(" b"), items.Current);
    }

    [Fact]
    public async Task Replies_scripted_over_http_are_played_and_requests_are_listed()
    {
        using var enqueue = await Http.PostAsJsonAsync(
            new Uri(Server.BaseUrl, "_fake/enqueue"),
            new { model = "tiny", text = "scripted by hand", thinking = "plan", fault = "cut", faultAfterTokens = 3 });
        Assert.Equal(System.Net.HttpStatusCode.NoContent, enqueue.StatusCode);
        var client = new OllamaChatClient("fake", Server.BaseUrl, Http);

        var other = await client.StreamChatAsync(new LlmChatRequest("qwen2.5:3b", [new LlmMessage(LlmRole.User, "hi")]), CancellationToken.None).ReadAllOrFail("another model's reply");
        var scripted = await client.StreamChatAsync(new LlmChatRequest("tiny", [new LlmMessage(LlmRole.User, "hi")]), CancellationToken.None).ReadAllOrFail("the scripted reply");

        Assert.Equal("Echo from qwen2.5:3b: hi", other.Text);
        Assert.Equal("plan", scripted.Thinking);
        Assert.Equal("scripted by", scripted.Text);
        Assert.Equal(LlmErrorCodes.StreamCut, scripted.LlmError.Code);
        var listed = JsonNode.Parse(await Http.GetStringAsync(new Uri(Server.BaseUrl, "_fake/requests")))!.AsArray();
        Assert.Equal(["qwen2.5:3b", "tiny"], listed.Select(r => r!["model"]!.GetValue<string>()));
        Assert.True(listed[1]!["cutByServer"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Non_streaming_replies_and_model_lists_use_each_protocols_shape()
    {
        var body = """{"model":"tiny","stream":false,"messages":[{"role":"user","content":"hello there"}]}""";
        using var ollama = await Http.PostAsync(new Uri(Server.BaseUrl, "api/chat"), new StringContent(body, Encoding.UTF8, "application/json"));
        using var openAi = await Http.PostAsync(new Uri(Server.BaseUrl, "v1/chat/completions"), new StringContent(body, Encoding.UTF8, "application/json"));
        var ollamaReply = JsonNode.Parse(await ollama.Content.ReadAsStringAsync())!;
        var openAiReply = JsonNode.Parse(await openAi.Content.ReadAsStringAsync())!;
        var tags = JsonNode.Parse(await Http.GetStringAsync(new Uri(Server.BaseUrl, "api/tags")))!;
        var models = JsonNode.Parse(await Http.GetStringAsync(new Uri(Server.BaseUrl, "v1/models")))!;

        Assert.Equal("Echo from tiny: hello there", ollamaReply["message"]!["content"]!.GetValue<string>());
        Assert.True(ollamaReply["done"]!.GetValue<bool>());
        Assert.Equal(2, ollamaReply["prompt_eval_count"]!.GetValue<int>());
        Assert.Equal("Echo from tiny: hello there", openAiReply["choices"]![0]!["message"]!["content"]!.GetValue<string>());
        Assert.Equal(5, openAiReply["usage"]!["completion_tokens"]!.GetValue<int>());
        Assert.Equal(["qwen2.5:3b", "tiny"], tags["models"]!.AsArray().Select(m => m!["name"]!.GetValue<string>()));
        Assert.Equal(["qwen2.5:3b", "tiny"], models["data"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Embeddings_are_deterministic_unit_vectors()
    {
        async Task<float[][]> Embed(string input)
        {
            using var response = await Http.PostAsync(new Uri(Server.BaseUrl, "api/embed"), new StringContent(input, Encoding.UTF8, "application/json"));
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["embeddings"]!.AsArray()
                .Select(v => v!.AsArray().Select(x => x!.GetValue<float>()).ToArray()).ToArray();
        }

        var first = await Embed("""{"model":"e","input":["京都の寺","京都の寺","a cat"]}""");
        var again = await Embed("""{"model":"e","input":"京都の寺"}""");

        Assert.Equal(3, first.Length);
        Assert.Equal(first[0], again[0]);
        Assert.Equal(1.0, Math.Sqrt(first[2].Sum(x => x * x)), precision: 5);
        Assert.NotEqual(first[0], first[2]);
    }
}
