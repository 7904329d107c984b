using System.Diagnostics;
using System.Text.Json;
using LlmMultiChat.ApiHost.Tests.Infrastructure;
using LlmMultiChat.Grains.Characters;
using Silo.Testing;
using Xunit.Abstractions;

namespace LlmMultiChat.ApiHost.Tests.Hubs;

/// <summary>
/// The hub driven by the official <c>@microsoft/signalr</c> JavaScript client under Node, as a browser would use it
/// (negotiation, transport choice, invocations, pushed events, hub streams, errors), against ApiHost on Kestrel.
/// Needs Node and <c>npm ci</c> in tests/SignalRClient (CI does both).
/// </summary>
public sealed class OfficialClientTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_official_JavaScript_client_joins_sends_receives_the_turn_streams_it_and_reads_error_codes()
    {
        var client = Path.Combine(TestMachine.RepositoryRoot(), "tests", "SignalRClient");
        if (!File.Exists(Path.Combine(client, "node_modules", "@microsoft", "signalr", "package.json")) || !TestMachine.CanRun("node"))
        {
            Prerequisite.NotMet(output.WriteLine, $"Node and the client's packages are needed: run `npm ci` in {client}");
            return;
        }

        await using var host = await ChatTestHost.StartAsync([], configureServices: null, onKestrel: true);
        using var alice = await host.SignUpAsync("alice");
        var conversationId = await host.CreateConversationAsync(alice);

        var lines = await RunAsync(client, host.KestrelAddress.ToString().TrimEnd('/'), alice.AccessToken, conversationId, UpstreamCharacters.LuminaId);

        string Kind(JsonElement line) => line.GetProperty("kind").GetString()!;
        Assert.Equal("WebSocketTransport", lines.Single(l => Kind(l) == "connected").GetProperty("transport").GetString());
        var messageId = lines.Single(l => Kind(l) == "sent").GetProperty("messageId").GetString();
        Assert.False(string.IsNullOrEmpty(messageId));
        var pushed = lines.Where(l => Kind(l) == "event").Select(l => l.GetProperty("type").GetString()).ToList();
        Assert.Equal(["message_complete", "message_start"], pushed.Take(2)); // the human message, then the reply
        Assert.Contains("message_chunk", pushed);
        Assert.Equal("complete_state", pushed[^1]);
        var streamed = lines.Single(l => Kind(l) == "streamed").GetProperty("types").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.Equal(pushed, streamed);
        Assert.EndsWith("HubException: E4040: No such conversation.", lines.Single(l => Kind(l) == "error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("stopped", Kind(lines[^1]));
        Assert.Equal(messageId, (await host.Conversation(conversationId).Messages(null, 10))[0].Id);
    }

    private async Task<List<JsonElement>> RunAsync(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("chat-client.mjs");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync().WaitOrFail("the Node client to finish", TimeSpan.FromSeconds(60));
        output.WriteLine(await stdout);
        output.WriteLine(await stderr);
        Assert.True(node.ExitCode == 0, $"The client failed ({node.ExitCode}): {await stdout}{await stderr}");
        return [.. (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement)];
    }
}
