using System.Diagnostics;
using System.Globalization;

namespace Benchmarks.Hub;

/// <summary>A child process of this program running <see cref="SignalRIdleClients"/>, driven line by line.</summary>
internal sealed class IdleClientsProcess : IAsyncDisposable
{
    private readonly Process _process;

    private IdleClientsProcess(Process process) => _process = process;

    public static IdleClientsProcess Start(Uri server, string accessToken, int count, string conversationId)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? throw new InvalidOperationException("No path of this program to start it again."))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { SignalRIdleClients.Mode, server.ToString(), accessToken, count.ToString(CultureInfo.InvariantCulture), conversationId })
        {
            start.ArgumentList.Add(argument);
        }

        return new IdleClientsProcess(Process.Start(start) ?? throw new InvalidOperationException("The client process did not start."));
    }

    /// <summary>Waits for the client process to print <paramref name="line"/>.</summary>
    public async Task ExpectAsync(string line)
    {
        var received = await _process.StandardOutput.ReadLineAsync();
        if (received != line)
        {
            throw new InvalidOperationException($"The client process printed '{received ?? "(end of output)"}' instead of '{line}'.");
        }
    }

    public Task SendAsync(string command) => _process.StandardInput.WriteLineAsync(command);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await SendAsync("exit");
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
