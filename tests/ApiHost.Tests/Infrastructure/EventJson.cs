using System.Text.Json;

namespace LlmMultiChat.ApiHost.Tests.Infrastructure;

/// <summary>Reads conversation events as clients get them: JSON objects with a "type" and a "seq".</summary>
internal static class EventJson
{
    public static string Type(this JsonElement @event) => @event.GetProperty("type").GetString()!;

    public static long Seq(this JsonElement @event) => @event.GetProperty("seq").GetInt64();

    /// <summary>The complete_state that ends the turn of human message <paramref name="humanMessageId"/>.</summary>
    public static bool EndsTurnOf(this JsonElement @event, string humanMessageId) =>
        @event.Type() == "complete_state" && @event.GetProperty("humanMessageId").GetString() == humanMessageId;

    /// <summary>The message_complete of message <paramref name="messageId"/>.</summary>
    public static bool Completes(this JsonElement @event, string messageId) =>
        @event.Type() == "message_complete" && @event.GetProperty("message").GetProperty("id").GetString() == messageId;
}
