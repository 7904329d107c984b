using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Mvc.Testing;
using Silo.Testing;

namespace LlmMultiChat.ApiHost.Tests.Infrastructure;

/// <summary>
/// A SignalR client for the chat hub speaking the real JSON hub protocol (version 1) over a WebSocket to the
/// TestServer, since the .NET SignalR client package does not restore here: negotiate, handshake, invocations
/// (type 1) and their completions (3), stream invocations (4), stream items (2), cancel (5), pings (6) and close (7),
/// each record ending with 0x1E. The server's calls to the client are kept per target, in arrival order.
/// </summary>
internal sealed class HubTestClient : IAsyncDisposable
{
    public const string HubPath = "/hubs/chat";
    public const int Invocation = 1;
    public const int StreamItem = 2;
    public const int Completion = 3;
    public const int StreamInvocation = 4;
    public const int CancelInvocation = 5;
    public const int Ping = 6;
    public const int Close = 7;

    private const byte RecordSeparator = 0x1E;

    private readonly WebSocket _socket;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly TaskCompletionSource<JsonElement> _handshake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<HubCompletion>> _completions = new();
    private readonly ConcurrentDictionary<string, Channel<JsonElement>> _streams = new();
    private readonly ConcurrentDictionary<string, Channel<JsonElement>> _calls = new(StringComparer.Ordinal);
    private readonly Task _receiving;
    private int _lastInvocationId;

    private HubTestClient(WebSocket socket)
    {
        _socket = socket;
        _receiving = Task.Run(ReceiveAsync);
    }

    /// <summary>The close message's error (null for a clean close) once the server closed the connection.</summary>
    public Task<string?> Closed => _closed.Task;

    /// <summary>POST /hubs/chat/negotiate?negotiateVersion=1, with the token as a bearer header when there is one.</summary>
    public static async Task<HttpResponseMessage> NegotiateAsync(WebApplicationFactory<Program> factory, string? accessToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, HubPath + "/negotiate?negotiateVersion=1");
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Negotiates, opens the WebSocket with the token in the query (as browsers must) and completes the handshake.</summary>
    public static async Task<HubTestClient> ConnectAsync(WebApplicationFactory<Program> factory, string accessToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        using var negotiated = await NegotiateAsync(factory, accessToken);
        negotiated.EnsureSuccessStatusCode();
        var connectionToken = (await negotiated.ReadJsonAsync()).GetProperty("connectionToken").GetString()!;
        var socket = await OpenSocketAsync(factory, connectionToken, accessToken);
        var client = new HubTestClient(socket);
        await client.SendRecordAsync(new { protocol = "json", version = 1 });
        var handshake = await client._handshake.Task.WaitOrFail("the handshake response");
        if (handshake.TryGetProperty("error", out var error))
        {
            await client.DisposeAsync();
            throw new InvalidOperationException($"The handshake failed: {error}");
        }

        return client;
    }

    /// <summary>The WebSocket request of the transport, for tests of what the server refuses.</summary>
    public static Task<WebSocket> OpenSocketAsync(WebApplicationFactory<Program> factory, string connectionToken, string accessToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var uri = new Uri($"ws://localhost{HubPath}?id={Uri.EscapeDataString(connectionToken)}&access_token={Uri.EscapeDataString(accessToken)}");
        return factory.Server.CreateWebSocketClient().ConnectAsync(uri, CancellationToken.None);
    }

    /// <summary>Calls a hub method and waits for its completion.</summary>
    public async Task<HubCompletion> InvokeAsync(string method, params object?[] arguments)
    {
        var invocationId = NextInvocationId();
        var completion = Expect(invocationId);
        await SendRecordAsync(new { type = Invocation, invocationId, target = method, arguments });
        return await completion.WaitOrFail($"the completion of {method}");
    }

    /// <summary>Starts a hub stream; its items and completion arrive on the returned stream.</summary>
    public async Task<HubTestStream> StreamAsync(string method, params object?[] arguments)
    {
        var invocationId = NextInvocationId();
        var items = Channel.CreateUnbounded<JsonElement>();
        _streams[invocationId] = items;
        var completion = Expect(invocationId);
        await SendRecordAsync(new { type = StreamInvocation, invocationId, target = method, arguments });
        return new HubTestStream(this, invocationId, items, completion);
    }

    /// <summary>The first argument of the server's next call of <paramref name="target"/> on this client.</summary>
    public async Task<JsonElement> NextCallAsync(string target) =>
        await Calls(target).Reader.ReadAsync().AsTask().WaitOrFail($"the server's next '{target}' call");

    /// <summary>The next conversation event pushed to this connection.</summary>
    public Task<JsonElement> NextEventAsync() => NextCallAsync("event");

    /// <summary>Pushed events until (and including) the first that matches.</summary>
    public async Task<IReadOnlyList<JsonElement>> EventsUntilAsync(Func<JsonElement, bool> last)
    {
        var received = new List<JsonElement>();
        do
        {
            received.Add(await NextEventAsync());
        }
        while (!last(received[^1]));

        return received;
    }

    /// <summary>Calls of <paramref name="target"/> that arrived and were not read yet.</summary>
    public int Unread(string target) => Calls(target).Reader.Count;

    public async Task SendRecordAsync(object message)
    {
        var record = JsonSerializer.SerializeToUtf8Bytes(message).Append(RecordSeparator).ToArray();
        await _sending.WaitAsync();
        try
        {
            await _socket.SendAsync(record, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>Closes the connection from the client's side and waits until the receive loop has ended.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // The server went first.
            }
        }

        await _receiving.WaitOrFail("the hub client's receive loop to end");
        _socket.Dispose();
        _sending.Dispose();
    }

    private string NextInvocationId() => Interlocked.Increment(ref _lastInvocationId).ToString(CultureInfo.InvariantCulture);

    private Task<HubCompletion> Expect(string invocationId)
    {
        var completion = new TaskCompletionSource<HubCompletion>(TaskCreationOptions.RunContinuationsAsynchronously);
        _completions[invocationId] = completion;
        return completion.Task;
    }

    private Channel<JsonElement> Calls(string target) => _calls.GetOrAdd(target, _ => Channel.CreateUnbounded<JsonElement>());

    private async Task ReceiveAsync()
    {
        var pending = new ArrayBufferWriter<byte>();
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                pending.Write(buffer.AsSpan(0, received.Count));
                DispatchRecords(pending);
            }
        }
        catch (WebSocketException)
        {
            // The connection dropped; Closed completes below.
        }
        finally
        {
            _closed.TrySetResult(null);
            _handshake.TrySetException(new InvalidOperationException("The connection closed before the handshake."));
            foreach (var completion in _completions.Values)
            {
                completion.TrySetException(new InvalidOperationException("The connection closed before the invocation completed."));
            }
        }
    }

    /// <summary>Handles every complete record in <paramref name="pending"/> and keeps the incomplete rest.</summary>
    private void DispatchRecords(ArrayBufferWriter<byte> pending)
    {
        var data = pending.WrittenSpan;
        int separator;
        var consumed = 0;
        while ((separator = data[consumed..].IndexOf(RecordSeparator)) >= 0)
        {
            using var record = JsonDocument.Parse(data.Slice(consumed, separator).ToArray());
            Dispatch(record.RootElement.Clone());
            consumed += separator + 1;
        }

        var rest = data[consumed..].ToArray();
        pending.ResetWrittenCount();
        pending.Write(rest);
    }

    private void Dispatch(JsonElement record)
    {
        if (!_handshake.Task.IsCompleted)
        {
            _handshake.TrySetResult(record);
            return;
        }

        switch (record.GetProperty("type").GetInt32())
        {
            case Invocation:
                Calls(record.GetProperty("target").GetString()!).Writer.TryWrite(record.GetProperty("arguments")[0]);
                break;
            case StreamItem:
                _streams[record.GetProperty("invocationId").GetString()!].Writer.TryWrite(record.GetProperty("item"));
                break;
            case Completion:
                var invocationId = record.GetProperty("invocationId").GetString()!;
                var error = record.TryGetProperty("error", out var e) ? e.GetString() : null;
                JsonElement? result = record.TryGetProperty("result", out var r) ? r : null;
                if (_completions.TryRemove(invocationId, out var completion))
                {
                    completion.TrySetResult(new HubCompletion(error, result));
                }

                break;
            case Close:
                _closed.TrySetResult(record.TryGetProperty("error", out var reason) ? reason.GetString() : null);
                break;
            case Ping:
                break;
            default:
                throw new InvalidOperationException($"Unexpected hub message: {record}");
        }
    }
}
