using System.Globalization;

namespace Benchmarks.Hub;

/// <summary>
/// The client side of <see cref="SignalRIdle"/>, run in a process of its own so its sockets and buffers are not
/// counted as the server's. Talks to the parent over stdin/stdout: prints "connected" once every connection is
/// handshaken, joins every connection to the conversation on "join" and prints "joined", and closes on "exit".
/// </summary>
internal static class SignalRIdleClients
{
    public const string Mode = "signalr-idle-clients";

    // The server closes a connection it has not heard from in 30 seconds (SignalR's ClientTimeoutInterval).
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(10);

    /// <param name="args">server URL, access token, number of connections, conversation id.</param>
    public static async Task RunAsync(string[] args)
    {
        var (server, accessToken, count, conversationId) = (new Uri(args[0]), args[1], int.Parse(args[2], CultureInfo.InvariantCulture), args[3]);
        using var http = new HttpClient { BaseAddress = server };
        var connections = new List<RawHubConnection>(count);
        using var stop = new CancellationTokenSource();
        var pinging = PingAsync(connections, stop.Token);
        for (var i = 0; i < count; i++)
        {
            var connection = await RawHubConnection.OpenAsync(http, accessToken);
            lock (connections)
            {
                connections.Add(connection);
            }
        }

        Console.WriteLine("connected");
        while (await Console.In.ReadLineAsync() is { } command && command != "exit")
        {
            if (command == "join")
            {
                foreach (var connection in connections)
                {
                    await connection.JoinAsync(conversationId);
                }

                Console.WriteLine("joined");
            }
        }

        await stop.CancelAsync();
        await pinging;
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
    }

    private static async Task PingAsync(List<RawHubConnection> connections, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(PingInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                RawHubConnection[] open;
                lock (connections)
                {
                    open = [.. connections];
                }

                await Task.WhenAll(open.Select(connection => connection.PingAsync()));
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Closing.
        }
    }
}
