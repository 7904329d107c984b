using System.Text.Json;
using System.Text.Json.Nodes;
using LlmMultiChat.FakeLlm.Recording;
using LlmMultiChat.FakeLlm.Scripting;

namespace LlmMultiChat.FakeLlm;

/// <summary>
/// Scripting by hand, for runs outside tests:
/// <c>POST /_fake/enqueue</c> and <c>POST /_fake/script</c> take a <see cref="FakeReplyDocument"/> (one-shot or
/// persistent), <c>GET /_fake/requests</c> lists what was received, <c>POST /_fake/reset</c> forgets everything.
/// </summary>
internal static class FakeControlApi
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public static void Map(WebApplication app, FakeLlmServer server)
    {
        var control = app.MapGroup("/_fake");
        control.MapPost("/enqueue", (FakeReplyDocument document) => Apply(document, server.Enqueue));
        control.MapPost("/script", (FakeReplyDocument document) => Apply(document, server.Script));
        control.MapPost("/reset", () =>
        {
            server.Reset();
            return Results.NoContent();
        });
        control.MapGet("/requests", () => Results.Text(new JsonArray(server.Requests.Select(Describe).ToArray()).ToJsonString(), "application/json"));
    }

    private static IResult Apply(FakeReplyDocument document, Action<FakeReply, Func<FakeRequest, bool>?> add)
    {
        FakeReply reply;
        try
        {
            reply = document.ToReply();
        }
        catch (ArgumentException ex)
        {
            return Results.BadRequest(new { error = ex.Message });
        }

        add(reply, document.Model is { } model ? r => r.Model == model : null);
        return Results.NoContent();
    }

    private static JsonNode Describe(FakeRequest r) => new JsonObject
    {
        ["sequence"] = r.Sequence,
        ["method"] = r.Method,
        ["path"] = r.Path,
        ["protocol"] = r.Protocol,
        ["model"] = r.Model,
        ["stream"] = r.Stream,
        ["messages"] = JsonSerializer.SerializeToNode(r.Messages, s_json),
        ["temperature"] = r.Temperature,
        ["topP"] = r.TopP,
        ["maxTokens"] = r.MaxTokens,
        ["stop"] = JsonSerializer.SerializeToNode(r.Stop, s_json),
        ["includeUsage"] = r.IncludeUsage,
        ["receivedAt"] = r.ReceivedAt,
        ["tokensSent"] = r.TokensSent,
        ["completed"] = r.Completed,
        ["cutByServer"] = r.CutByServer,
        ["clientDisconnectedAt"] = r.ClientDisconnectedAt,
    };
}
