using System.Text;
using System.Text.Json;

namespace Benchmarks.Hub;

/// <summary>The JSON hub protocol's records (version 1) the benchmark clients send: each a JSON object ending with 0x1E.</summary>
internal static class HubClientRecords
{
    public const byte Separator = 0x1E;

    public static readonly byte[] Handshake = Record("""{"protocol":"json","version":1}""");

    public static readonly byte[] Ping = Record("""{"type":6}""");

    public static byte[] Invocation(string invocationId, string target, object?[] arguments) =>
        Record(JsonSerializer.Serialize(new { type = 1, invocationId, target, arguments }));

    private static byte[] Record(string json) => [.. Encoding.UTF8.GetBytes(json), Separator];
}
