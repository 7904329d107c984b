using System.Text.Json.Nodes;

namespace LlmMultiChat.FakeLlm.Recording;

/// <summary>
/// A request the fake server received, parsed for assertions, and what became of it: completed, cut by the server, or
/// abandoned by the client (the connection went away before the response ended).
/// </summary>
public sealed class FakeRequest
{
    private readonly TaskCompletionSource<DateTimeOffset> _clientDisconnected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private DateTimeOffset? _clientDisconnectedAt;
    private int _tokensSent;
    private int _outcome;

    internal FakeRequest(int sequence, string method, string path, IReadOnlyDictionary<string, string> headers, string body, DateTimeOffset receivedAt)
    {
        Sequence = sequence;
        Method = method;
        Path = path;
        Headers = headers;
        Body = body;
        ReceivedAt = receivedAt;
        Json = TryParse(body);
        Messages = ParseMessages(Json);
        var options = Json?["options"] as JsonObject;
        Protocol = path.StartsWith("/v1/", StringComparison.Ordinal) ? "openai" : "ollama";
        Model = Json?["model"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? Json["model"]!.GetValue<string>() : null;
        Stream = Json?["stream"]?.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.True => true,
            System.Text.Json.JsonValueKind.False => false,
            _ => Json is not null && Protocol == "ollama", // Ollama streams unless told not to; OpenAI does not unless told to
        };
        if (Protocol == "openai")
        {
            Temperature = Number(Json?["temperature"]);
            TopP = Number(Json?["top_p"]);
            MaxTokens = (int?)(Number(Json?["max_completion_tokens"]) ?? Number(Json?["max_tokens"]));
            Stop = Strings(Json?["stop"]);
            IncludeUsage = Json?["stream_options"]?["include_usage"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;
        }
        else
        {
            Temperature = Number(options?["temperature"]);
            TopP = Number(options?["top_p"]);
            MaxTokens = (int?)Number(options?["num_predict"]);
            Stop = Strings(options?["stop"]);
        }
    }

    /// <summary>1 for the first request the server received, then 2, 3, ...</summary>
    public int Sequence { get; }

    public string Method { get; }

    public string Path { get; }

    /// <summary>"ollama" (/api/...) or "openai" (/v1/...).</summary>
    public string Protocol { get; }

    /// <summary>Request headers (names lower-case; repeated headers joined with ", ").</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    public string Body { get; }

    /// <summary>The body as JSON, or null when it was empty or not JSON.</summary>
    public JsonObject? Json { get; }

    public string? Model { get; }

    public IReadOnlyList<FakeMessage> Messages { get; }

    /// <summary>Whether the client asked for a streamed reply (the protocol's default when absent).</summary>
    public bool Stream { get; }

    /// <summary>Ollama <c>options.temperature</c> / OpenAI <c>temperature</c>.</summary>
    public double? Temperature { get; }

    /// <summary>Ollama <c>options.top_p</c> / OpenAI <c>top_p</c>.</summary>
    public double? TopP { get; }

    /// <summary>Ollama <c>options.num_predict</c> / OpenAI <c>max_completion_tokens</c> (or the older <c>max_tokens</c>).</summary>
    public int? MaxTokens { get; }

    /// <summary>Ollama <c>options.stop</c> / OpenAI <c>stop</c> (a string or a list).</summary>
    public IReadOnlyList<string> Stop { get; }

    /// <summary>OpenAI <c>stream_options.include_usage</c>.</summary>
    public bool IncludeUsage { get; }

    /// <summary>The last user message, or "" when there is none.</summary>
    public string LastUserMessage => Messages.LastOrDefault(m => m.Role == "user")?.Content ?? string.Empty;

    /// <summary>When the request arrived, on the server's clock.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>Tokens (thinking included) written to the response so far.</summary>
    public int TokensSent => Volatile.Read(ref _tokensSent);

    /// <summary>True once the response ended normally (every byte written).</summary>
    public bool Completed => Volatile.Read(ref _outcome) == 1;

    /// <summary>True when a scripted fault made the server abort the connection.</summary>
    public bool CutByServer => Volatile.Read(ref _outcome) == 2;

    /// <summary>When the client went away before the response ended; null if it did not (yet).</summary>
    public DateTimeOffset? ClientDisconnectedAt
    {
        get
        {
            lock (_lock)
            {
                return _clientDisconnectedAt;
            }
        }
    }

    /// <summary>Completes (with the time) when the client aborts the connection before the response ended.</summary>
    public Task<DateTimeOffset> ClientDisconnected => _clientDisconnected.Task;

    /// <summary>Completes when the server is done with the request, however it ended.</summary>
    public Task Finished => _finished.Task;

    internal void TokenSent() => Interlocked.Increment(ref _tokensSent);

    internal void MarkCompleted() => Interlocked.CompareExchange(ref _outcome, 1, 0);

    internal void MarkCutByServer() => Interlocked.CompareExchange(ref _outcome, 2, 0);

    internal void MarkClientDisconnected(DateTimeOffset at)
    {
        if (Volatile.Read(ref _outcome) != 0)
        {
            return;
        }

        lock (_lock)
        {
            _clientDisconnectedAt ??= at;
        }

        _clientDisconnected.TrySetResult(at);
    }

    internal void MarkFinished() => _finished.TrySetResult();

    private static JsonObject? TryParse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static List<FakeMessage> ParseMessages(JsonObject? json)
    {
        if (json?["messages"] is not JsonArray messages)
        {
            return [];
        }

        return messages
            .OfType<JsonObject>()
            .Select(m => new FakeMessage(m["role"]?.ToString() ?? string.Empty, Content(m["content"])))
            .ToList();
    }

    // OpenAI allows content as a string or as a list of parts ({"type":"text","text":"..."}).
    private static string Content(JsonNode? content) => content switch
    {
        JsonArray parts => string.Concat(parts.OfType<JsonObject>().Select(p => p["text"]?.ToString())),
        null => string.Empty,
        _ => content.ToString(),
    };

    private static double? Number(JsonNode? node) =>
        node?.GetValueKind() == System.Text.Json.JsonValueKind.Number ? node.GetValue<double>() : null;

    private static List<string> Strings(JsonNode? node) => node switch
    {
        JsonArray array => array.Select(s => s?.ToString() ?? string.Empty).ToList(),
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String => [value.GetValue<string>()],
        _ => [],
    };
}
