using System.Net.Http.Headers;
using System.Text.Json;
using LlmMultiChat.Grains.Llm;

namespace LlmMultiChat.Grains.Memory;

/// <summary>
/// Ollama's POST /api/embed <c>{model, input: [...]}</c> → <c>{embeddings: [[...]]}</c>, one request per batch.
/// Vectors are normalized again here so the contract of <see cref="IEmbedder"/> holds whatever the server does.
/// Failures are <see cref="LlmException"/>s, as for chat: the same server, the same codes.
/// </summary>
public sealed class OllamaEmbedder : IEmbedder, IDisposable
{
    private const string ProviderName = "ollama-embeddings";
    private static readonly MediaTypeHeaderValue s_json = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly bool _ownsHttpClient;
    private readonly string _model;
    private readonly Uri _endpoint;

    /// <param name="baseUrl">Ollama's root, e.g. http://localhost:11434.</param>
    /// <param name="model">The embedding model, e.g. nomic-embed-text.</param>
    /// <param name="httpClient">Sends the requests; its timeout bounds each batch.</param>
    /// <param name="ownsHttpClient">Dispose <paramref name="httpClient"/> with this embedder.</param>
    public OllamaEmbedder(Uri baseUrl, string model, HttpClient httpClient, bool ownsHttpClient = false)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentNullException.ThrowIfNull(httpClient);
        _http = httpClient;
        _ownsHttpClient = ownsHttpClient;
        _model = model;
        var root = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        _endpoint = new Uri(root, "api/embed");
        Model = "ollama:" + model;
    }

    public string Model { get; }

    public async Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            return [];
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(new OllamaEmbedRequest(_model, texts), OllamaEmbedJsonContext.Default.OllamaEmbedRequest);
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = s_json } },
        };

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw LlmFailures.Unreachable(ProviderName, _endpoint, ex);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var parsed = Parse(text);
            if (!response.IsSuccessStatusCode)
            {
                throw LlmFailures.Status(ProviderName, _model, (int)response.StatusCode, parsed?.Error ?? LlmFailures.Truncate(text));
            }

            return Vectors(parsed, texts.Count, text);
        }
    }

    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            _http.Dispose();
        }
    }

    private static OllamaEmbedResponse? Parse(string text)
    {
        try
        {
            return JsonSerializer.Deserialize(text, OllamaEmbedJsonContext.Default.OllamaEmbedResponse);
        }
        catch (JsonException)
        {
            // Not JSON: the caller reports the raw body.
            return null;
        }
    }

    private IReadOnlyList<float[]> Vectors(OllamaEmbedResponse? parsed, int expected, string body)
    {
        if (parsed?.Error is { } error)
        {
            throw LlmFailures.Reported(ProviderName, _model, afterFirstToken: false, error);
        }

        var vectors = parsed?.Embeddings;
        if (vectors is null || vectors.Count != expected)
        {
            throw LlmFailures.Malformed(ProviderName, _model, afterFirstToken: false, $"expected {expected} embeddings: {LlmFailures.Truncate(body)}");
        }

        var length = vectors[0].Length;
        foreach (var vector in vectors)
        {
            if (vector.Length == 0 || vector.Length != length)
            {
                throw LlmFailures.Malformed(ProviderName, _model, afterFirstToken: false, "the embeddings are empty or of different lengths.");
            }

            VectorMath.Normalize(vector);
        }

        return vectors;
    }
}
