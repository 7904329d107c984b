using Microsoft.AspNetCore.SignalR;

namespace LlmMultiChat.ApiHost.Hubs;

/// <summary>
/// The conversations one hub connection has joined, each with the <see cref="RunningPush"/> of its events. Kept in
/// the connection's items and made on its first Join, so a connection that never joins carries nothing of ours.
/// </summary>
internal sealed class JoinedConversations
{
    private static readonly object ItemKey = typeof(JoinedConversations);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, RunningPush> _pushes = new(StringComparer.Ordinal);
    private readonly CancellationToken _connectionAborted;
    private bool _closed;

    private JoinedConversations(CancellationToken connectionAborted) => _connectionAborted = connectionAborted;

    /// <remarks>SignalR runs one invocation of a connection at a time, so two Joins never race to create it.</remarks>
    public static JoinedConversations Of(HubCallerContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (Existing(connection) is { } joined)
        {
            return joined;
        }

        var created = new JoinedConversations(connection.ConnectionAborted);
        connection.Items[ItemKey] = created;
        return created;
    }

    public static JoinedConversations? Existing(HubCallerContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.Items.TryGetValue(ItemKey, out var joined) ? (JoinedConversations?)joined : null;
    }

    /// <summary>Starts pushing a conversation, replacing the connection's earlier push of it.</summary>
    public async Task StartAsync(string conversationId, Func<CancellationToken, Task> push)
    {
        // The earlier push ends before the new one replays, or the client would get events twice.
        await StopAsync(conversationId).ConfigureAwait(false);
        var running = new RunningPush(push, _connectionAborted);
        lock (_lock)
        {
            if (!_closed)
            {
                _pushes[conversationId] = running;
                return;
            }
        }

        // The connection closed while this Join ran.
        await running.DisposeAsync().ConfigureAwait(false);
    }

    public async Task StopAsync(string conversationId)
    {
        RunningPush? running;
        lock (_lock)
        {
            _pushes.Remove(conversationId, out running);
        }

        if (running is not null)
        {
            await running.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Stops every push; later starts stop at once.</summary>
    public async Task CloseAsync()
    {
        RunningPush[] running;
        lock (_lock)
        {
            _closed = true;
            running = [.. _pushes.Values];
            _pushes.Clear();
        }

        await Task.WhenAll(running.Select(push => push.DisposeAsync().AsTask())).ConfigureAwait(false);
    }
}
