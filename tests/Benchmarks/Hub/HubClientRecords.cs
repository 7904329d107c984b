using System.Text;

namespace Benchmarks.Hub;

/// <summary>The JSON hub protocol's records (version 1) the idle clients send: each a JSON object ending with 0x1E.</summary>
internal static class HubClientRecords
{
    public const byte Separator = 0x1E;

    public static readonly byte[] Handshake = Record("""{"protocol":"json","version":1}""");

    public static readonly byte[] Ping = Record("""{"type":6}""");

    public static byte[] Join(string conversationId) =>
        Record($$"""{"type":1,"invocationId":"join","target":"Join","arguments":["{{conversationId}}",0]}""");

    private static byte[] Record(string json) => [.. Encoding.UTF8.GetBytes(json), Separator];
}
