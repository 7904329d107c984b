using System.Net;
using System.Net.Sockets;
using LlmMultiChat.FakeLlm;
using LlmMultiChat.Grains.Llm;
using LlmMultiChat.Grains.Memory;

namespace LlmMultiChat.Grains.Tests.Memory;

/// <summary>The conformance suite against the fake server's /api/embed over real HTTP, plus the wire format and failures.</summary>
public sealed class OllamaEmbedderConformanceTests : EmbedderConformanceTests
{
    private FakeLlmServer Server { get; } = new();

    protected override async Task<IEmbedder> CreateAsync()
    {
        await Server.StartAsync();
        return new OllamaEmbedder(Server.BaseUrl, "nomic-embed-text", new HttpClient(), ownsHttpClient: true);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Server.DisposeAsync();
    }

    [Fact]
    public async Task The_batch_is_one_POST_to_api_embed_with_the_model_and_every_input()
    {
        await Embedder.EmbedAsync(["一つ目", "second"], CancellationToken.None);

        var request = Assert.Single(Server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/embed", request.Path);
        Assert.Equal("nomic-embed-text", request.Model);
        Assert.Equal(["一つ目", "second"], request.Json!["input"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("ollama:nomic-embed-text", Embedder.Model);
    }

    [Fact]
    public async Task The_vectors_have_theServers_dimension()
    {
        var vector = await Embedder.EmbedAsync("hello", CancellationToken.None);

        Assert.Equal(new FakeLlmServerOptions().EmbeddingDimensions, vector.Length);
    }

    [Fact]
    public async Task An_unreachableServer_is_an_LlmException_naming_the_endpoint()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var embedder = new OllamaEmbedder(new Uri($"http://127.0.0.1:{port}"), "nomic-embed-text", new HttpClient(), ownsHttpClient: true);

        var error = await Assert.ThrowsAsync<LlmException>(() => embedder.EmbedAsync("hello", CancellationToken.None));

        Assert.Equal(LlmErrorCodes.Unavailable, error.Code);
        Assert.Contains($"127.0.0.1:{port}/api/embed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_status_is_an_LlmHttpException_carrying_the_status()
    {
        // A base URL under a path the server does not serve: a real 404 from Kestrel.
        using var embedder = new OllamaEmbedder(new Uri(Server.BaseUrl, "nowhere/"), "nomic-embed-text", new HttpClient(), ownsHttpClient: true);

        var error = await Assert.ThrowsAsync<LlmHttpException>(() => embedder.EmbedAsync("hello", CancellationToken.None));

        Assert.Equal(404, error.StatusCode);
    }
}
