using System.Globalization;
using System.Text.RegularExpressions;
using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Llm;
using Microsoft.Extensions.Logging;

namespace LlmMultiChat.Grains.Coherence;

/// <summary>
/// The rule-based check first; when it finds nothing, the configured model scores the statement against the newest
/// earlier ones (S04: "how contradictory, 0 to 1, number only"), and a score above the threshold is a contradiction
/// with P5's question. A model that fails or answers no number finds nothing (logged): the reply goes on.
/// </summary>
public sealed partial class LlmContradictionDetector(IContradictionDetector rules, ILlmGateway llm, CoherenceOptions options, ILogger<LlmContradictionDetector> logger)
    : IContradictionDetector
{
    /// <summary>The instruction the model gets; the two statements follow as the user message.</summary>
    public const string Instruction = "次の2つの発言が互いに矛盾している度合いを、0から1の数値で答えてください。数値のみ回答してください。";

    private readonly ModelBinding _model = ModelBinding.Parse(options.Model ?? throw new ArgumentException("The LLM check needs Coherence:Model.", nameof(options)));

    public async ValueTask<Contradiction?> FindAsync(string statement, IReadOnlyList<string> earlierStatements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(earlierStatements);
        if (await rules.FindAsync(statement, earlierStatements, cancellationToken) is { } found)
        {
            return found;
        }

        foreach (var earlier in earlierStatements.Reverse().Take(options.MaxChecks))
        {
            string answer;
            try
            {
                answer = await llm.CompleteAsync(_model, Instruction, $"発言1: {earlier}\n発言2: {statement}", cancellationToken);
            }
            catch (LlmException ex)
            {
                LogCheckFailed(ex);
                return null; // a model that is down is not asked again for this statement
            }

            if (Score(answer) > options.Threshold)
            {
                return new Contradiction(earlier, statement, string.Empty, ClarifyingQuestion.For(earlier, statement));
            }
        }

        return null;
    }

    private double Score(string answer)
    {
        var number = FirstNumber().Match(answer);
        if (number.Success && double.TryParse(number.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var score))
        {
            return score;
        }

        LogNoScore(answer.Length);
        return 0;
    }

    [GeneratedRegex(@"\d+(?:\.\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex FirstNumber();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The contradiction model failed; only the rules were applied")]
    private partial void LogCheckFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The contradiction model answered no number ({Length} characters); treated as no contradiction")]
    private partial void LogNoScore(int length);
}
