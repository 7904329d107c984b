using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using OpenAI;
using OpenAI.Chat;

namespace LlmMultiChat.Grains.Llm.OpenAi;

/// <summary>
/// Any OpenAI-compatible server through the official <c>OpenAI</c> package: a <see cref="ChatClient"/> on a custom
/// endpoint, streaming (the package asks for usage with <c>stream_options.include_usage</c>). The package's own retries
/// and network timeout are off: the gateway owns both. Reasoning text (<c>delta.reasoning_content</c> or
/// <c>delta.reasoning</c>, which the package does not model) is read from the update's JSON patch; a leading
/// &lt;think&gt; section in the content is split off as well.
/// </summary>
public sealed class OpenAiChatClient : ILlmChatClient
{
    private readonly OpenAIClientOptions _options;
    private readonly ApiKeyCredential _credential;
    private readonly OpenAiMaxTokensField _maxTokensField;
    private readonly ConcurrentDictionary<string, ChatClient> _clients = new(StringComparer.Ordinal);

    /// <param name="providerName">The name under Llm:Providers.</param>
    /// <param name="endpoint">The API root including the version, e.g. https://api.openai.com/v1 or http://localhost:11434/v1.</param>
    /// <param name="apiKey">Sent as <c>Authorization: Bearer</c>; null or empty sends no Authorization header.</param>
    /// <param name="httpClient">Sends the requests; its timeouts should be infinite (the gateway owns timeouts).</param>
    /// <param name="maxTokensField">The request field that carries <see cref="LlmChatRequest.MaxTokens"/>.</param>
    public OpenAiChatClient(string providerName, Uri endpoint, string? apiKey, HttpClient httpClient, OpenAiMaxTokensField maxTokensField = OpenAiMaxTokensField.MaxCompletionTokens)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerName);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(httpClient);
        ProviderName = providerName;
        Endpoint = endpoint;
        _maxTokensField = maxTokensField;
        _credential = new ApiKeyCredential(string.IsNullOrEmpty(apiKey) ? "none" : apiKey);
        _options = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            Transport = new HttpClientPipelineTransport(httpClient),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        };
        if (string.IsNullOrEmpty(apiKey))
        {
            _options.AddPolicy(OmitAuthorizationPolicy.Instance, PipelinePosition.BeforeTransport);
        }
    }

    public string ProviderName { get; }

    public Uri Endpoint { get; }

    public async IAsyncEnumerable<LlmStreamItem> StreamChatAsync(LlmChatRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var client = _clients.GetOrAdd(request.Model, static (model, self) => new ChatClient(model, self._credential, self._options), this);
        var updates = client.CompleteChatStreamingAsync(Messages(request), Options(request), cancellationToken);
        var enumerator = updates.GetAsyncEnumerator(cancellationToken);
        await using (enumerator.ConfigureAwait(false))
        {
            var splitter = new ThinkSectionSplitter();
            var produced = false;
            ChatFinishReason? finishReason = null;
            ChatTokenUsage? usage = null;
            while (await MoveNextAsync(enumerator, request.Model, produced, cancellationToken).ConfigureAwait(false))
            {
                var update = enumerator.Current;
                if (Reasoning(update) is { Length: > 0 } reasoning)
                {
                    produced = true;
                    yield return new LlmThinking(reasoning);
                }

                foreach (var part in update.ContentUpdate)
                {
                    if (part.Kind != ChatMessageContentPartKind.Text || string.IsNullOrEmpty(part.Text))
                    {
                        continue;
                    }

                    foreach (var item in splitter.Push(part.Text))
                    {
                        produced = true;
                        yield return item;
                    }
                }

                finishReason ??= update.FinishReason;
                usage ??= update.Usage;
            }

            // The package ends quietly when the stream ends, [DONE] or not; a reply without a finish reason was cut.
            if (finishReason is null)
            {
                throw LlmFailures.Cut(ProviderName, request.Model, produced, "the stream ended without a finish_reason.");
            }

            foreach (var item in splitter.Flush())
            {
                yield return item;
            }

            yield return new LlmCompleted(
                ProviderName, request.Model, usage?.InputTokenCount ?? 0, usage?.OutputTokenCount ?? 0, FinishReasonName(finishReason.Value), UsedFallback: false);
        }
    }

    /// <summary>The next update; the package's and the transport's exceptions become <see cref="LlmException"/>.</summary>
    private async ValueTask<bool> MoveNextAsync(IAsyncEnumerator<StreamingChatCompletionUpdate> enumerator, string model, bool produced, CancellationToken cancellationToken)
    {
        try
        {
            return await enumerator.MoveNextAsync().ConfigureAwait(false);
        }
        catch (ClientResultException ex) when (ex.Status == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw produced ? LlmFailures.Cut(ProviderName, model, produced, ex.Message, ex) : LlmFailures.Unreachable(ProviderName, Endpoint, ex);
        }
        catch (ClientResultException ex)
        {
            throw LlmFailures.Status(ProviderName, model, ex.Status, ErrorDetail(ex), ex);
        }
        catch (IOException ex)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw LlmFailures.Cut(ProviderName, model, produced, ex.Message, ex);
        }
        catch (HttpRequestException ex)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw produced ? LlmFailures.Cut(ProviderName, model, produced, ex.Message, ex) : LlmFailures.Unreachable(ProviderName, Endpoint, ex);
        }
        catch (JsonException ex)
        {
            throw LlmFailures.Malformed(ProviderName, model, produced, $"an event is not the JSON of a chat completion chunk ({ex.Message})", ex);
        }
        catch (FormatException ex)
        {
            throw LlmFailures.Malformed(ProviderName, model, produced, $"an event has a value of the wrong form ({ex.Message})", ex);
        }
    }

    private static List<ChatMessage> Messages(LlmChatRequest request) =>
        request.Messages.Select(m => m.Role switch
        {
            LlmRole.System => (ChatMessage)new SystemChatMessage(m.Content),
            LlmRole.User => new UserChatMessage(m.Content),
            LlmRole.Assistant => new AssistantChatMessage(m.Content),
            _ => throw new ArgumentOutOfRangeException(nameof(request), m.Role, "Unknown chat role."),
        }).ToList();

    private ChatCompletionOptions Options(LlmChatRequest request)
    {
        var options = new ChatCompletionOptions
        {
            Temperature = (float?)request.Temperature,
            TopP = (float?)request.TopP,
        };
        foreach (var stop in request.Stop ?? [])
        {
            options.StopSequences.Add(stop);
        }

        if (request.MaxTokens is { } maxTokens)
        {
            if (_maxTokensField == OpenAiMaxTokensField.MaxCompletionTokens)
            {
                options.MaxOutputTokenCount = maxTokens;
            }
            else
            {
                // The package only writes max_completion_tokens; its JSON patch adds the older field instead.
#pragma warning disable SCME0001 // JsonPatch is marked for evaluation; it is the package's only way to send a field it does not model.
                options.Patch.Set("$.max_tokens"u8, maxTokens);
#pragma warning restore SCME0001
            }
        }

        return options;
    }

    // DeepSeek and vLLM send delta.reasoning_content, Ollama's /v1 delta.reasoning; the package models neither.
    private static string? Reasoning(StreamingChatCompletionUpdate update)
    {
#pragma warning disable SCME0001 // JsonPatch is marked for evaluation; it is the package's only way to read a field it does not model.
        if (update.Patch.TryGetValue("$.choices[0].delta.reasoning_content"u8, out string? reasoning) && !string.IsNullOrEmpty(reasoning))
        {
            return reasoning;
        }

        return update.Patch.TryGetValue("$.choices[0].delta.reasoning"u8, out reasoning) ? reasoning : null;
#pragma warning restore SCME0001
    }

    /// <summary>OpenAI's <c>{"error":{"message":"..."}}</c>, or the start of whatever the body is.</summary>
    private static string? ErrorDetail(ClientResultException ex)
    {
        var body = ex.GetRawResponse()?.Content?.ToString();
        if (string.IsNullOrWhiteSpace(body))
        {
            return ex.GetRawResponse()?.ReasonPhrase;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
                {
                    return message.GetString();
                }

                if (error.ValueKind == JsonValueKind.String)
                {
                    return error.GetString();
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, say): the text itself is the best detail there is.
        }

        return body;
    }

    private static string FinishReasonName(ChatFinishReason reason) => reason switch
    {
        ChatFinishReason.Stop => "stop",
        ChatFinishReason.Length => "length",
        ChatFinishReason.ContentFilter => "content_filter",
        ChatFinishReason.ToolCalls => "tool_calls",
        ChatFinishReason.FunctionCall => "function_call",
        _ => reason.ToString().ToLowerInvariant(),
    };
}
