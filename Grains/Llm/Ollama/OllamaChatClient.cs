using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace LlmMultiChat.Grains.Llm.Ollama;

/// <summary>
/// Ollama's native API: POST /api/chat with <c>stream: true</c>, read as NDJSON line by line as the lines arrive
/// (<see cref="HttpCompletionOption.ResponseHeadersRead"/>). <c>message.thinking</c> becomes <see cref="LlmThinking"/>
/// (as does a leading &lt;think&gt; section in the content); the final <c>done: true</c> line gives the finish reason
/// and the token counts (<c>prompt_eval_count</c>, <c>eval_count</c>).
/// </summary>
public sealed class OllamaChatClient : ILlmChatClient
{
    private static readonly MediaTypeHeaderValue s_json = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly Uri _chatEndpoint;

    /// <param name="providerName">The name under Llm:Providers.</param>
    /// <param name="baseUrl">Ollama's root, e.g. http://localhost:11434.</param>
    /// <param name="httpClient">Sends the requests; its timeouts should be infinite (the gateway owns timeouts).</param>
    public OllamaChatClient(string providerName, Uri baseUrl, HttpClient httpClient)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerName);
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(httpClient);
        ProviderName = providerName;
        _http = httpClient;
        _chatEndpoint = new Uri(EnsureTrailingSlash(baseUrl), "api/chat");
    }

    public string ProviderName { get; }

    public async IAsyncEnumerable<LlmStreamItem> StreamChatAsync(LlmChatRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(await OpenBodyAsync(response, request.Model, cancellationToken).ConfigureAwait(false), Encoding.UTF8);
        var splitter = new ThinkSectionSplitter();
        var produced = false;
        while (true)
        {
            var chunk = await ReadChunkAsync(reader, request.Model, produced, cancellationToken).ConfigureAwait(false);
            if (chunk.Message is { } message)
            {
                if (!string.IsNullOrEmpty(message.Thinking))
                {
                    produced = true;
                    yield return new LlmThinking(message.Thinking);
                }

                if (!string.IsNullOrEmpty(message.Content))
                {
                    foreach (var item in splitter.Push(message.Content))
                    {
                        produced = true;
                        yield return item;
                    }
                }
            }

            if (chunk.Done)
            {
                foreach (var item in splitter.Flush())
                {
                    yield return item;
                }

                yield return new LlmCompleted(ProviderName, request.Model, chunk.PromptEvalCount ?? 0, chunk.EvalCount ?? 0, chunk.DoneReason, UsedFallback: false);
                yield break;
            }
        }
    }

    private async Task<HttpResponseMessage> SendAsync(LlmChatRequest request, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(ToWire(request), OllamaJsonContext.Default.OllamaChatRequest);
        using var message = new HttpRequestMessage(HttpMethod.Post, _chatEndpoint)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = s_json } },
        };

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw LlmFailures.Unreachable(ProviderName, _chatEndpoint, ex);
        }

        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                var detail = await ErrorDetailAsync(response, cancellationToken).ConfigureAwait(false);
                throw LlmFailures.Status(ProviderName, request.Model, (int)response.StatusCode, detail);
            }
        }

        return response;
    }

    private async Task<Stream> OpenBodyAsync(HttpResponseMessage response, string model, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw LlmFailures.Cut(ProviderName, model, afterFirstToken: false, ex.Message, ex);
        }
    }

    /// <summary>The next non-empty line, parsed; protocol and transport failures become <see cref="LlmException"/>.</summary>
    private async Task<OllamaChatChunk> ReadChunkAsync(StreamReader reader, string model, bool produced, CancellationToken cancellationToken)
    {
        while (true)
        {
            string? line;
            try
            {
                line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw LlmFailures.Cut(ProviderName, model, produced, ex.Message, ex);
            }

            if (line is null)
            {
                throw LlmFailures.Cut(ProviderName, model, produced, "the stream ended before its final line (done: true).");
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            OllamaChatChunk? chunk;
            try
            {
                chunk = JsonSerializer.Deserialize(line, OllamaJsonContext.Default.OllamaChatChunk);
            }
            catch (JsonException ex)
            {
                throw LlmFailures.Malformed(ProviderName, model, produced, $"a line is not JSON ({ex.Message}): {LlmFailures.Truncate(line)}", ex);
            }

            if (chunk?.Error is { } error)
            {
                throw LlmFailures.Reported(ProviderName, model, produced, error);
            }

            if (chunk is null || (chunk.Message is null && !chunk.Done))
            {
                throw LlmFailures.Malformed(ProviderName, model, produced, $"a line has neither a message nor done: {LlmFailures.Truncate(line)}");
            }

            return chunk;
        }
    }

    private static OllamaChatRequest ToWire(LlmChatRequest request)
    {
        var messages = request.Messages.Select(m => new OllamaMessage(Role(m.Role), m.Content)).ToList();
        var hasOptions = request.Temperature is not null || request.TopP is not null || request.MaxTokens is not null || request.Stop is { Count: > 0 };
        var options = hasOptions
            ? new OllamaOptions(request.Temperature, request.TopP, request.MaxTokens, request.Stop is { Count: > 0 } stop ? stop : null)
            : null;
        return new OllamaChatRequest(request.Model, messages, Stream: true, options);
    }

    private static string Role(LlmRole role) => role switch
    {
        LlmRole.System => "system",
        LlmRole.User => "user",
        LlmRole.Assistant => "assistant",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown chat role."),
    };

    /// <summary>Ollama's <c>{"error":"..."}</c>, or the start of whatever the body is.</summary>
    private static async Task<string?> ErrorDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string body;
        try
        {
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return response.ReasonPhrase;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.String)
            {
                return error.GetString();
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, say): the text itself is the best detail there is.
        }

        return string.IsNullOrWhiteSpace(body) ? response.ReasonPhrase : body;
    }

    private static Uri EnsureTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
