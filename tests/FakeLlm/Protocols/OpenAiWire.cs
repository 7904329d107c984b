using System.Text.Json.Nodes;

namespace LlmMultiChat.FakeLlm.Protocols;

/// <summary>
/// OpenAI's /v1/chat/completions: server-sent events <c>data: {chunk}</c> with <c>choices[0].delta</c>, a chunk with
/// <c>finish_reason</c>, a usage chunk with empty <c>choices</c> when <c>stream_options.include_usage</c>, then
/// <c>data: [DONE]</c>. Reasoning goes in <c>delta.reasoning_content</c> (as DeepSeek and vLLM send it).
/// </summary>
internal sealed class OpenAiWire : ChatWire
{
    public static OpenAiWire Instance { get; } = new();

    public override string StreamContentType => "text/event-stream";

    public override string StreamStart(ReplyContext context) =>
        Event(Chunk(context, new JsonObject { ["role"] = "assistant", ["content"] = string.Empty }, finishReason: null));

    public override string Thinking(ReplyContext context, string text) =>
        Event(Chunk(context, new JsonObject { ["reasoning_content"] = text }, finishReason: null));

    public override string Token(ReplyContext context, string text) =>
        Event(Chunk(context, new JsonObject { ["content"] = text }, finishReason: null));

    public override string StreamEnd(ReplyContext context, ReplySummary summary, bool includeUsage)
    {
        var end = Event(Chunk(context, [], summary.FinishReason));
        if (includeUsage)
        {
            var usage = Envelope(context, "chat.completion.chunk");
            usage["choices"] = new JsonArray();
            usage["usage"] = Usage(summary);
            end += Event(usage);
        }

        return end + "data: [DONE]\n\n";
    }

    public override string Malformed(ReplyContext context) =>
        $"data: {{\"id\":\"{context.Id}\",\"object\":\"chat.completion.chunk\",\"choices\":[{{\"index\":0,\"delta\":{{\"content\":\"unterminat\n\n";

    public override string Complete(ReplyContext context, string content, string thinking, ReplySummary summary)
    {
        var message = new JsonObject { ["role"] = "assistant", ["content"] = content };
        if (thinking.Length > 0)
        {
            message["reasoning_content"] = thinking;
        }

        var completion = Envelope(context, "chat.completion");
        completion["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = message,
            ["logprobs"] = null,
            ["finish_reason"] = summary.FinishReason,
        });
        completion["usage"] = Usage(summary);
        return completion.ToJsonString();
    }

    public override string Error(int statusCode, string message) => new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["message"] = message,
            ["type"] = statusCode >= 500 ? "server_error" : "invalid_request_error",
            ["param"] = null,
            ["code"] = null,
        },
    }.ToJsonString();

    private static JsonObject Envelope(ReplyContext context, string type) => new()
    {
        ["id"] = context.Id,
        ["object"] = type,
        ["created"] = context.Created.ToUnixTimeSeconds(),
        ["model"] = context.Model,
        ["system_fingerprint"] = "fp_fake",
    };

    private static JsonObject Chunk(ReplyContext context, JsonObject delta, string? finishReason)
    {
        var chunk = Envelope(context, "chat.completion.chunk");
        chunk["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["delta"] = delta,
            ["logprobs"] = null,
            ["finish_reason"] = finishReason,
        });
        return chunk;
    }

    private static JsonObject Usage(ReplySummary summary) => new()
    {
        ["prompt_tokens"] = summary.PromptTokens,
        ["completion_tokens"] = summary.CompletionTokens,
        ["total_tokens"] = summary.PromptTokens + summary.CompletionTokens,
    };

    private static string Event(JsonObject json) => "data: " + json.ToJsonString() + "\n\n";
}
