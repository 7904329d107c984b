using LlmMultiChat.FakeLlm;
using LlmMultiChat.FakeLlm.Recording;
using LlmMultiChat.Grains.Llm;
using LlmMultiChat.Grains.Llm.Ollama;

namespace LlmMultiChat.Grains.Tests.Llm;

public sealed class OllamaChatClientConformanceTests : ChatClientConformanceTests
{
    protected override string Protocol => "ollama";

    protected override ILlmChatClient CreateClient(Uri baseUrl, HttpClient http) => new OllamaChatClient(Provider, baseUrl, http);

    protected override Uri BaseUrl(FakeLlmServer server) => server.BaseUrl;

    protected override Uri BaseUrl(Uri serverRoot) => serverRoot;

    protected override void AssertSamplingFieldNames(FakeRequest request)
    {
        Assert.Equal("/api/chat", request.Path);
        var options = Assert.IsType<System.Text.Json.Nodes.JsonObject>(request.Json!["options"]);
        Assert.Equal(0.25, options["temperature"]!.GetValue<double>());
        Assert.Equal(0.5, options["top_p"]!.GetValue<double>());
        Assert.Equal(42, options["num_predict"]!.GetValue<int>());
        Assert.Equal(["END", "###"], options["stop"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Null(request.Json["temperature"]);
    }
}
