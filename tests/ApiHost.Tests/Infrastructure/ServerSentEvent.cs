using System.Text.Json;

namespace LlmMultiChat.ApiHost.Tests.Infrastructure;

/// <summary>One block of a text/event-stream as a client parses it: an event (id, type, data) or a comment.</summary>
internal sealed record ServerSentEvent(string? Id, string? Type, string Data, string? Comment)
{
    public bool IsComment => Comment is not null;

    public JsonElement Json => JsonDocument.Parse(Data).RootElement.Clone();

    /// <summary>The event's <c>seq</c> from its data.</summary>
    public long Seq => Json.GetProperty("seq").GetInt64();
}
