using System.Text.Json;
using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Llm;
using Microsoft.Extensions.Logging;

namespace LlmMultiChat.Grains.Emotions;

/// <summary>
/// Appraisal by a model (ARCHITECTURE §6: "an LLM classifier when configured"): it rates the eight emotions the
/// message expresses, 0 to 1, as JSON; each rated at least <see cref="MinIntensity"/> becomes a cue. Every character in
/// a room reacts to the same message, so the last few appraisals are shared rather than asked again. A model that
/// fails or answers no usable JSON leaves the message to the lexicon (logged).
/// </summary>
public sealed partial class LlmEmotionAppraiser(EmotionLexicon lexicon, ILlmGateway llm, ModelBinding model, ILogger<LlmEmotionAppraiser> logger)
    : IEmotionAppraiser
{
    /// <summary>The instruction the model gets; the message follows as the user message.</summary>
    public const string Instruction =
        "次のメッセージが表している感情を、joy, trust, fear, surprise, sadness, disgust, anger, anticipation の8つについて"
        + "0から1の数値で評価し、JSONオブジェクトのみで答えてください。例: {\"joy\":0.8,\"sadness\":0}";

    /// <summary>A rating below this is no cue.</summary>
    public const double MinIntensity = 0.1;

    private const int Remembered = 16;

    private readonly Lock _lock = new();
    private readonly Queue<(string Message, Task<EmotionAppraisal> Appraisal)> _recent = new();

    public ValueTask<EmotionAppraisal> AppraiseAsync(string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrWhiteSpace(message))
        {
            return ValueTask.FromResult(EmotionAppraisal.None);
        }

        Task<EmotionAppraisal> appraisal;
        lock (_lock)
        {
            foreach (var (seen, result) in _recent)
            {
                if (seen == message && !result.IsFaulted)
                {
                    return new ValueTask<EmotionAppraisal>(result);
                }
            }

            appraisal = AskAsync(message);
            _recent.Enqueue((message, appraisal));
            if (_recent.Count > Remembered)
            {
                _recent.Dequeue();
            }
        }

        return new ValueTask<EmotionAppraisal>(appraisal);
    }

    private async Task<EmotionAppraisal> AskAsync(string message)
    {
        string answer;
        try
        {
            // Shared by every character in the room, so no one caller's cancellation may end it.
            answer = await llm.CompleteAsync(model, Instruction, message, CancellationToken.None);
        }
        catch (LlmException ex)
        {
            LogModelFailed(ex);
            return lexicon.Appraise(message);
        }

        return Parse(answer) ?? Fallback(answer.Length, message);
    }

    private EmotionAppraisal Fallback(int length, string message)
    {
        LogUnusableAnswer(length);
        return lexicon.Appraise(message);
    }

    /// <summary>The JSON object in the answer (models like to wrap it in prose or a code fence), as cues; null when there is none.</summary>
    private static EmotionAppraisal? Parse(string answer)
    {
        var start = answer.IndexOf('{', StringComparison.Ordinal);
        var end = answer.LastIndexOf('}');
        if (start < 0 || end <= start)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(answer.AsMemory(start, end - start + 1));
            var cues = new List<EmotionCue>();
            foreach (var property in json.RootElement.EnumerateObject())
            {
                if (Enum.TryParse<Emotion>(property.Name, ignoreCase: true, out var emotion) && Enum.IsDefined(emotion)
                    && property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetDouble(out var intensity) && intensity >= MinIntensity)
                {
                    cues.Add(new EmotionCue("(model)", emotion, Math.Min(intensity, 1), Negated: false));
                }
            }

            var valence = Math.Clamp(cues.Sum(c => EmotionLexicon.Valence(c.Emotion) * c.Intensity), -1, 1);
            return new EmotionAppraisal(cues, valence);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The emotion model failed; the lexicon appraised the message")]
    private partial void LogModelFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The emotion model answered no usable JSON ({Length} characters); the lexicon appraised the message")]
    private partial void LogUnusableAnswer(int length);
}
