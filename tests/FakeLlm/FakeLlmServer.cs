using System.Net;
using System.Text.Json.Nodes;
using LlmMultiChat.FakeLlm.Protocols;
using LlmMultiChat.FakeLlm.Recording;
using LlmMultiChat.FakeLlm.Scripting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace LlmMultiChat.FakeLlm;

/// <summary>
/// An LLM server for tests and local runs: Ollama's <c>/api/chat</c>, <c>/api/tags</c>, <c>/api/embed</c> and
/// OpenAI's <c>/v1/chat/completions</c>, <c>/v1/models</c> on Kestrel, with replies scripted from C#
/// (<see cref="Enqueue"/>, <see cref="Script"/>) or over HTTP (<c>/_fake/...</c>), token pacing on an injectable
/// clock, fault injection, and a record of every request and of clients that went away.
/// </summary>
public sealed class FakeLlmServer : IAsyncDisposable
{
    private const string RequestItem = "fake.request";

    private readonly FakeLlmServerOptions _options;
    private readonly Lock _lock = new();
    private readonly List<FakeRequest> _requests = [];
    private readonly List<ScriptedReply> _queue = [];
    private readonly List<ScriptedReply> _scripts = [];
    private readonly List<(int Sequence, TaskCompletionSource<FakeRequest> Signal)> _waiters = [];
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;
    private Uri? _baseUrl;

    public FakeLlmServer(FakeLlmServerOptions? options = null)
    {
        _options = options ?? new FakeLlmServerOptions();
    }

    /// <summary>The server's root, e.g. http://127.0.0.1:43817/ (Ollama's base URL).</summary>
    public Uri BaseUrl => _baseUrl ?? throw new InvalidOperationException("The fake LLM server is not started; call StartAsync first.");

    /// <summary>The OpenAI API root, e.g. http://127.0.0.1:43817/v1 (what OpenAI clients take as their endpoint).</summary>
    public Uri OpenAiBaseUrl => new(BaseUrl, "v1");

    public TimeProvider Time => _options.Time;

    /// <summary>Every request received so far (chat, tags, models, embed; not the control API), in arrival order.</summary>
    public IReadOnlyList<FakeRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The chat requests received so far (/api/chat and /v1/chat/completions).</summary>
    public IReadOnlyList<FakeRequest> ChatRequests => Requests.Where(r => r.Path is "/api/chat" or "/v1/chat/completions").ToList();

    /// <summary>The default reply's text: the model name and the last user message.</summary>
    public static string DefaultReplyText(FakeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"Echo from {request.Model}: {request.LastUserMessage}";
    }

    /// <summary>Starts listening; returns <see cref="BaseUrl"/>.</summary>
    public async Task<Uri> StartAsync(CancellationToken cancellationToken = default)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("The fake LLM server is already started.");
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(FakeLlmServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        if (_options.ConsoleLogging)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        }

        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var url = _options.Url;
            if (url.Host == "localhost")
            {
                kestrel.ListenLocalhost(url.Port);
            }
            else
            {
                kestrel.Listen(IPAddress.Parse(url.Host), url.Port);
            }
        });

        var app = builder.Build();
        app.Use(RecordAsync);
        MapOllama(app);
        MapOpenAi(app);
        FakeControlApi.Map(app, this);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _baseUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        return _baseUrl;
    }

    /// <summary>Completes when the server stops (Ctrl+C when run by hand).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) =>
        (_app ?? throw new InvalidOperationException("The fake LLM server is not started.")).WaitForShutdownAsync(cancellationToken);

    /// <summary>Answers the next chat request that matches <paramref name="when"/> (any, by default) once with <paramref name="reply"/>. Queued replies go first, in order.</summary>
    public void Enqueue(FakeReply reply, Func<FakeRequest, bool>? when = null)
    {
        ArgumentNullException.ThrowIfNull(reply);
        lock (_lock)
        {
            _queue.Add(new ScriptedReply(reply, when ?? (static _ => true)));
        }
    }

    /// <summary>Answers every chat request that matches <paramref name="when"/> with <paramref name="reply"/> until cleared; the latest matching script wins.</summary>
    public void Script(FakeReply reply, Func<FakeRequest, bool>? when = null)
    {
        ArgumentNullException.ThrowIfNull(reply);
        lock (_lock)
        {
            _scripts.Add(new ScriptedReply(reply, when ?? (static _ => true)));
        }
    }

    /// <summary>Answers every chat request for <paramref name="model"/> with <paramref name="reply"/> until cleared.</summary>
    public void ScriptModel(string model, FakeReply reply) => Script(reply, r => r.Model == model);

    /// <summary>Forgets queued replies and scripts; requests get the default reply again.</summary>
    public void ClearScripts()
    {
        lock (_lock)
        {
            _queue.Clear();
            _scripts.Clear();
        }
    }

    /// <summary>Forgets scripts and recorded requests (numbering starts again at 1).</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _queue.Clear();
            _scripts.Clear();
            _requests.Clear();
        }
    }

    /// <summary>Completes when the <paramref name="sequence"/>-th request (1-based) has arrived.</summary>
    public Task<FakeRequest> WaitForRequestAsync(int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        lock (_lock)
        {
            if (_requests.Count >= sequence)
            {
                return Task.FromResult(_requests[sequence - 1]);
            }

            var signal = new TaskCompletionSource<FakeRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((sequence, signal));
            return signal.Task;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private async Task RecordAsync(HttpContext http, RequestDelegate next)
    {
        var path = http.Request.Path.Value ?? "/";
        if (!path.StartsWith("/api/", StringComparison.Ordinal) && !path.StartsWith("/v1/", StringComparison.Ordinal))
        {
            await next(http).ConfigureAwait(false);
            return;
        }

        string body;
        using (var reader = new StreamReader(http.Request.Body))
        {
            body = await reader.ReadToEndAsync(http.RequestAborted).ConfigureAwait(false);
        }

        var headers = http.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
        FakeRequest request;
        List<(TaskCompletionSource<FakeRequest> Signal, FakeRequest Request)> satisfied;
        lock (_lock)
        {
            request = new FakeRequest(_requests.Count + 1, http.Request.Method, path, headers, body, Time.GetUtcNow());
            _requests.Add(request);
            satisfied = _waiters.Where(w => w.Sequence <= _requests.Count).Select(w => (w.Signal, _requests[w.Sequence - 1])).ToList();
            _waiters.RemoveAll(w => w.Sequence <= _requests.Count);
        }

        foreach (var (signal, arrived) in satisfied)
        {
            signal.TrySetResult(arrived);
        }

        http.Items[RequestItem] = request;
        using var aborted = http.RequestAborted.Register(() => request.MarkClientDisconnected(Time.GetUtcNow()));
        try
        {
            await next(http).ConfigureAwait(false);
            if (!http.RequestAborted.IsCancellationRequested)
            {
                await http.Response.CompleteAsync().ConfigureAwait(false);
                request.MarkCompleted();
            }
        }
        finally
        {
            request.MarkFinished();
        }
    }

    private void MapOllama(WebApplication app)
    {
        app.MapGet("/", () => Results.Text("Ollama is running"));
        app.MapGet("/api/version", () => Results.Text(new JsonObject { ["version"] = "0.12.0-fake" }.ToJsonString(), "application/json"));
        app.MapGet("/api/tags", () => Results.Text(Tags(), "application/json"));
        app.MapPost("/api/chat", http => ChatAsync(http, OllamaWire.Instance));
        app.MapPost("/api/embed", EmbedAsync);
    }

    private void MapOpenAi(WebApplication app)
    {
        app.MapGet("/v1/models", http => Authorized(http) ? Json(http, 200, OpenAiModels()) : Unauthorized(http));
        app.MapPost("/v1/chat/completions", http => Authorized(http) ? ChatAsync(http, OpenAiWire.Instance) : Unauthorized(http));
    }

    private string Tags() => new JsonObject
    {
        ["models"] = new JsonArray(_options.Models.Select(m => (JsonNode)new JsonObject
        {
            ["name"] = m,
            ["model"] = m,
            ["modified_at"] = "2026-01-01T00:00:00Z",
            ["size"] = 1_000_000_000L,
            ["digest"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(m))),
            ["details"] = new JsonObject { ["format"] = "gguf", ["family"] = m.Split(':')[0], ["parameter_size"] = "1B", ["quantization_level"] = "Q4_K_M" },
        }).ToArray()),
    }.ToJsonString();

    private string OpenAiModels() => new JsonObject
    {
        ["object"] = "list",
        ["data"] = new JsonArray(_options.Models.Select(m => (JsonNode)new JsonObject
        {
            ["id"] = m,
            ["object"] = "model",
            ["created"] = 1_767_225_600L,
            ["owned_by"] = "fake",
        }).ToArray()),
    }.ToJsonString();

    private bool Authorized(HttpContext http) =>
        _options.RequiredApiKey is null || http.Request.Headers.Authorization.ToString() == $"Bearer {_options.RequiredApiKey}";

    private static Task Unauthorized(HttpContext http) =>
        Json(http, 401, OpenAiWire.Instance.Error(401, "Incorrect API key provided."));

    private static async Task Json(HttpContext http, int status, string json)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(json, http.RequestAborted).ConfigureAwait(false);
    }

    private async Task EmbedAsync(HttpContext http)
    {
        var request = (FakeRequest)http.Items[RequestItem]!;
        var input = request.Json?["input"];
        List<string> texts = input switch
        {
            JsonArray array => array.Select(t => t?.ToString() ?? string.Empty).ToList(),
            JsonValue value => [value.ToString()],
            _ => [],
        };
        if (request.Model is null || texts.Count == 0)
        {
            await Json(http, 400, OllamaWire.Instance.Error(400, "model and input are required")).ConfigureAwait(false);
            return;
        }

        var embeddings = new JsonArray(texts.Select(t => (JsonNode)new JsonArray(FakeEmbeddings.Embed(t, _options.EmbeddingDimensions).Select(v => (JsonNode)v).ToArray())).ToArray());
        var response = new JsonObject
        {
            ["model"] = request.Model,
            ["embeddings"] = embeddings,
            ["total_duration"] = 0L,
            ["load_duration"] = 0L,
            ["prompt_eval_count"] = texts.Sum(FakeTokenizer.Count),
        };
        await Json(http, 200, response.ToJsonString()).ConfigureAwait(false);
    }

    private async Task ChatAsync(HttpContext http, ChatWire wire)
    {
        var request = (FakeRequest)http.Items[RequestItem]!;
        if (request.Model is null || request.Messages.Count == 0)
        {
            await Json(http, 400, wire.Error(400, "the request needs a model and messages")).ConfigureAwait(false);
            return;
        }

        var reply = NextReply(request);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _stopping.Token);
        var player = new ReplyPlayer(http, request, reply, wire, _options, stop.Token);
        try
        {
            await player.PlayAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The client went away (recorded by RecordAsync) or the server is stopping.
        }
        catch (IOException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away while a token was being written.
        }
        catch (System.Net.Sockets.SocketException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The same, for replies written straight to the socket (see RawSocketReplyOutput).
        }
    }

    private FakeReply NextReply(FakeRequest request)
    {
        lock (_lock)
        {
            var queued = _queue.FindIndex(s => s.When(request));
            if (queued >= 0)
            {
                var reply = _queue[queued].Reply;
                _queue.RemoveAt(queued);
                return reply;
            }

            for (var i = _scripts.Count - 1; i >= 0; i--)
            {
                if (_scripts[i].When(request))
                {
                    return _scripts[i].Reply;
                }
            }
        }

        return FakeReply.Echo;
    }

    private sealed record ScriptedReply(FakeReply Reply, Func<FakeRequest, bool> When);
}
