using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Llm;
using Microsoft.Extensions.Logging;

namespace LlmMultiChat.Grains.Memory;

/// <summary>
/// Turns a flushed thread into its mid-term summary: at most <see cref="MidTermMemoryOptions.SummaryLines"/> lines
/// written by the summary model, the thread's most frequent concepts as keywords, and the summary's embedding. When
/// the model fails, the summary is made of the thread's own words (its first, richest and last human statements),
/// so a thread is never lost because the model was down.
/// </summary>
public sealed partial class ThreadSummarizer(ILlmGateway llm, IEmbedder embedder, ConceptExtractor concepts, MidTermMemoryOptions options, ILogger<ThreadSummarizer> logger)
{
    /// <summary>The instruction the summary model gets (the transcript follows as the user message).</summary>
    public const string Instruction =
        "次の会話を、後で思い出すための要約にしてください。誰が何を話し、何が決まり、何が好き・嫌いと言われたかを、"
        + "3行以内・各行1文で書いてください。前置きや見出しは不要です。";

    private readonly ModelBinding? _model = options.SummaryModel is null ? null : ModelBinding.Parse(options.SummaryModel);

    /// <summary>The summary text and keywords of the thread, and the summary's embedding (in <see cref="IEmbedder.Model"/>'s space).</summary>
    /// <param name="thread">The thread's messages, oldest first; only messages with text count.</param>
    public async Task<(string Text, IReadOnlyList<string> Keywords, float[] Vector)> SummarizeAsync(IReadOnlyList<ChatMessage> thread, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(thread);
        var said = thread.Where(m => !string.IsNullOrWhiteSpace(m.Content)).ToList();
        var text = await AskModelAsync(said, cancellationToken) ?? Extract(said);
        var keywords = said.SelectMany(m => concepts.Extract(m.Content))
            .GroupBy(c => c, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(options.MaxKeywords).Select(g => g.Key).ToList();
        var vector = await embedder.EmbedAsync(text, cancellationToken);
        return (text, keywords, vector);
    }

    private async Task<string?> AskModelAsync(IReadOnlyList<ChatMessage> said, CancellationToken cancellationToken)
    {
        string reply;
        try
        {
            reply = await llm.CompleteAsync(_model, Instruction, Transcript(said), cancellationToken);
        }
        catch (LlmException ex)
        {
            LogModelFailed(ex);
            return null;
        }

        var lines = Lines(reply);
        return lines.Count == 0 ? null : string.Join('\n', lines);
    }

    /// <summary>"name: text" per message, newest kept when the whole is too long for the model.</summary>
    private string Transcript(IReadOnlyList<ChatMessage> said)
    {
        var lines = said.Select(m => $"{m.SpeakerName}: {m.Content.ReplaceLineEndings(" ")}").ToList();
        var transcript = string.Join('\n', lines);
        return transcript.Length <= options.MaxTranscriptChars ? transcript : transcript[^options.MaxTranscriptChars..];
    }

    /// <summary>The model's non-empty lines without list markers, at most the configured number.</summary>
    private List<string> Lines(string reply) =>
    [
        .. reply.Split('\n')
            .Select(line => line.Trim().TrimStart('-', '*', '・', '•', ' ').Trim())
            .Where(line => line.Length > 0)
            .Take(options.SummaryLines),
    ];

    /// <summary>Without a model: the first human statement, the one with the most concepts, and the last, each once.</summary>
    private string Extract(IReadOnlyList<ChatMessage> said)
    {
        var human = said.Where(m => m.SpeakerKind == SpeakerKind.Human).ToList();
        var source = human.Count > 0 ? human : said;
        if (source.Count == 0)
        {
            return string.Empty;
        }

        var richest = source.OrderByDescending(m => concepts.Extract(m.Content).Distinct(StringComparer.Ordinal).Count()).First();
        return string.Join('\n', new[] { source[0], richest, source[^1] }.Distinct().Take(options.SummaryLines)
            .Select(m => $"{m.SpeakerName}: {Cut(m.Content.ReplaceLineEndings(" "), 160)}"));
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");

    [LoggerMessage(Level = LogLevel.Warning, Message = "The summary model failed; the thread is summarised from its own words")]
    private partial void LogModelFailed(Exception exception);
}
