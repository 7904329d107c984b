using System.Globalization;
using System.Text.Json.Nodes;

namespace LlmMultiChat.FakeLlm.Protocols;

/// <summary>
/// Ollama's /api/chat: NDJSON, one object per line, <c>done:false</c> per token and a final <c>done:true</c> line with
/// <c>done_reason</c>, <c>prompt_eval_count</c>, <c>eval_count</c> and durations in nanoseconds; errors are <c>{"error":"..."}</c>.
/// </summary>
internal sealed class OllamaWire : ChatWire
{
    public static OllamaWire Instance { get; } = new();

    public override string StreamContentType => "application/x-ndjson";

    public override string StreamStart(ReplyContext context) => string.Empty;

    public override string Thinking(ReplyContext context, string text) =>
        Line(Chunk(context, Message(string.Empty, text), done: false));

    public override string Token(ReplyContext context, string text) =>
        Line(Chunk(context, Message(text, null), done: false));

    public override string StreamEnd(ReplyContext context, ReplySummary summary, bool includeUsage) =>
        Line(Final(context, Message(string.Empty, null), summary));

    public override string Malformed(ReplyContext context) =>
        $"{{\"model\":\"{context.Model}\",\"created_at\":\"{CreatedAt(context)}\",\"message\":{{\"role\":\"assistant\",\"content\":\"unterminat\n";

    public override string Complete(ReplyContext context, string content, string thinking, ReplySummary summary) =>
        Final(context, Message(content, thinking.Length == 0 ? null : thinking), summary).ToJsonString();

    public override string Error(int statusCode, string message) => new JsonObject { ["error"] = message }.ToJsonString();

    public static string CreatedAt(ReplyContext context) =>
        context.Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static JsonObject Message(string content, string? thinking)
    {
        var message = new JsonObject { ["role"] = "assistant", ["content"] = content };
        if (thinking is not null)
        {
            message["thinking"] = thinking;
        }

        return message;
    }

    private static JsonObject Chunk(ReplyContext context, JsonObject message, bool done) => new()
    {
        ["model"] = context.Model,
        ["created_at"] = CreatedAt(context),
        ["message"] = message,
        ["done"] = done,
    };

    private static JsonObject Final(ReplyContext context, JsonObject message, ReplySummary summary)
    {
        var total = Nanoseconds(context.Time.GetUtcNow() - context.Created);
        var final = Chunk(context, message, done: true);
        final["done_reason"] = summary.FinishReason;
        final["total_duration"] = total;
        final["load_duration"] = 0L;
        final["prompt_eval_count"] = summary.PromptTokens;
        final["prompt_eval_duration"] = 0L;
        final["eval_count"] = summary.CompletionTokens;
        final["eval_duration"] = total;
        return final;
    }

    private static long Nanoseconds(TimeSpan span) => Math.Max(0, span.Ticks) * 100;

    private static string Line(JsonObject json) => json.ToJsonString() + "\n";
}
