using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text.Json;

namespace Benchmarks.Hub;

/// <summary>
/// One raw SignalR connection to the chat hub over a WebSocket (the .NET SignalR client does not restore here):
/// negotiated and handshaken; it invokes hub methods and hands every record the server sends to an optional
/// observer (called on the receive loop; the element is only valid during the call).
/// </summary>
internal sealed class RawHubConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly Action<JsonElement>? _received;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly TaskCompletionSource<string?> _handshake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string?>> _invocations = new();
    private readonly Task _receiving;
    private int _lastInvocationId;

    private RawHubConnection(ClientWebSocket socket, Action<JsonElement>? received)
    {
        _socket = socket;
        _received = received;
        _receiving = Task.Run(ReceiveAsync);
    }

    public static async Task<RawHubConnection> OpenAsync(HttpClient http, string accessToken, Action<JsonElement>? received = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "hubs/chat/negotiate?negotiateVersion=1");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var negotiated = await http.SendAsync(request);
        negotiated.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await negotiated.Content.ReadAsStringAsync());
        var connectionToken = body.RootElement.GetProperty("connectionToken").GetString()!;
        var socket = new ClientWebSocket();
        var uri = new UriBuilder(http.BaseAddress!) { Scheme = "ws", Path = "hubs/chat", Query = $"id={Uri.EscapeDataString(connectionToken)}&access_token={Uri.EscapeDataString(accessToken)}" }.Uri;
        await socket.ConnectAsync(uri, CancellationToken.None);
        var connection = new RawHubConnection(socket, received);
        await connection.SendAsync(HubClientRecords.Handshake);
        if (await connection._handshake.Task is { } error)
        {
            throw new InvalidOperationException($"The handshake failed: {error}");
        }

        return connection;
    }

    public Task PingAsync() => SendAsync(HubClientRecords.Ping);

    public async Task JoinAsync(string conversationId)
    {
        if (await InvokeAsync("Join", conversationId, 0) is { } error)
        {
            throw new InvalidOperationException($"Join failed: {error}");
        }
    }

    /// <summary>Sends the invocation and returns a task for its completion: null, or the error the hub gave.</summary>
    public async Task<string?> InvokeAsync(string target, params object?[] arguments)
    {
        var id = Interlocked.Increment(ref _lastInvocationId).ToString(CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _invocations[id] = completion;
        await SendAsync(HubClientRecords.Invocation(id, target, arguments));
        return await completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }

        await _receiving;
        _socket.Dispose();
        _sending.Dispose();
    }

    private async Task SendAsync(byte[] record)
    {
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

    private async Task ReceiveAsync()
    {
        var pending = new List<byte>();
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                pending.AddRange(buffer.AsSpan(0, received.Count));
                int separator;
                while ((separator = pending.IndexOf(HubClientRecords.Separator)) >= 0)
                {
                    using var record = JsonDocument.Parse(pending.GetRange(0, separator).ToArray());
                    pending.RemoveRange(0, separator + 1);
                    Dispatch(record.RootElement);
                }
            }
        }
        catch (WebSocketException)
        {
            // The server went away; the waits below end.
        }
        finally
        {
            _handshake.TrySetResult("the connection closed");
            foreach (var invocation in _invocations.Values)
            {
                invocation.TrySetResult("the connection closed");
            }
        }
    }

    private void Dispatch(JsonElement record)
    {
        var error = record.TryGetProperty("error", out var e) ? e.GetString() : null;
        if (!_handshake.Task.IsCompleted)
        {
            _handshake.TrySetResult(error);
            return;
        }

        _received?.Invoke(record);
        if (record.GetProperty("type").GetInt32() == 3 && _invocations.TryRemove(record.GetProperty("invocationId").GetString()!, out var completion))
        {
            completion.TrySetResult(error);
        }
    }
}
