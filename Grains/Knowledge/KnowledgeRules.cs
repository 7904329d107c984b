using System.Text;

namespace LlmMultiChat.Grains.Knowledge;

/// <summary>
/// What a document and a search must satisfy. The grain enforces them; the API asks for every problem at once to
/// answer with all the fields to fix.
/// </summary>
public static class KnowledgeRules
{
    /// <summary>Each broken rule as (field, problem); empty when the document may be stored.</summary>
    public static IReadOnlyList<(string Field, string Problem)> DocumentProblems(string? title, string? text, string? source, KnowledgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(title))
        {
            problems.Add(("title", "title is required."));
        }
        else if (title.Trim().Length > options.MaxTitleChars)
        {
            problems.Add(("title", $"title may be at most {options.MaxTitleChars} characters."));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(("text", "text is required."));
        }
        else if (Encoding.UTF8.GetByteCount(text) > options.MaxTextBytes)
        {
            problems.Add(("text", $"text may be at most {options.MaxTextBytes} bytes of UTF-8."));
        }

        if (source is not null && source.Trim().Length > options.MaxSourceChars)
        {
            problems.Add(("source", $"source may be at most {options.MaxSourceChars} characters."));
        }

        return problems;
    }

    /// <summary>Each broken rule as (field, problem), the fields named as the search route's query parameters.</summary>
    public static IReadOnlyList<(string Field, string Problem)> SearchProblems(string? query, int count, KnowledgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(query))
        {
            problems.Add(("q", "q is required."));
        }
        else if (query.Length > options.MaxQueryChars)
        {
            problems.Add(("q", $"q may be at most {options.MaxQueryChars} characters."));
        }

        if (count < 1 || count > options.MaxResults)
        {
            problems.Add(("k", $"k must be between 1 and {options.MaxResults}."));
        }

        return problems;
    }

    /// <exception cref="ArgumentException">The first problem, its field as the parameter name.</exception>
    internal static void ThrowIfAny(IReadOnlyList<(string Field, string Problem)> problems)
    {
        if (problems.Count > 0)
        {
            throw new ArgumentException(problems[0].Problem, problems[0].Field);
        }
    }
}
