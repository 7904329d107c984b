using System.Text.Json;
using System.Threading.Channels;
using Silo.Testing;

namespace LlmMultiChat.ApiHost.Tests.Infrastructure;

/// <summary>A hub stream the client started (message type 4): its items (type 2) and its completion (type 3).</summary>
internal sealed class HubTestStream(HubTestClient client, string invocationId, Channel<JsonElement> items, Task<HubCompletion> completion)
{
    public Task<HubCompletion> Completion => completion;

    public async Task<JsonElement> NextAsync() =>
        await items.Reader.ReadAsync().AsTask().WaitOrFail($"the next item of stream {invocationId}");

    /// <summary>Items until (and including) the first that matches.</summary>
    public async Task<IReadOnlyList<JsonElement>> UntilAsync(Func<JsonElement, bool> last)
    {
        var received = new List<JsonElement>();
        do
        {
            received.Add(await NextAsync());
        }
        while (!last(received[^1]));

        return received;
    }

    /// <summary>Asks the server to stop the stream (message type 5).</summary>
    public Task CancelAsync() => client.SendRecordAsync(new { type = HubTestClient.CancelInvocation, invocationId });

    /// <summary>Items that arrived and were not read yet.</summary>
    public int Unread => items.Reader.Count;
}
