using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text.Json;

namespace Benchmarks.Hub;

/// <summary>
/// One raw SignalR connection to the chat hub over a WebSocket (the .NET SignalR client does not restore here):
/// negotiated, handshaken, then idle but for pings; it can join a conversation.
/// </summary>
internal sealed class IdleHubConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly TaskCompletionSource<string?> _handshake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string?> _joined = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _receiving;

    private IdleHubConnection(ClientWebSocket socket)
    {
        _socket = socket;
        _receiving = Task.Run(ReceiveAsync);
    }

    public static async Task<IdleHubConnection> OpenAsync(HttpClient http, string accessToken)
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
        var connection = new IdleHubConnection(socket);
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
        await SendAsync(HubClientRecords.Join(conversationId));
        if (await _joined.Task is { } error)
        {
            throw new InvalidOperationException($"Join failed: {error}");
        }
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
        var buffer = new byte[1024];
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
            _joined.TrySetResult("the connection closed");
        }
    }

    private void Dispatch(JsonElement record)
    {
        var error = record.TryGetProperty("error", out var e) ? e.GetString() : null;
        if (!_handshake.Task.IsCompleted)
        {
            _handshake.TrySetResult(error);
        }
        else if (record.GetProperty("type").GetInt32() == 3 && record.GetProperty("invocationId").GetString() == "join")
        {
            _joined.TrySetResult(error);
        }
    }
}
