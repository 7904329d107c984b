namespace LlmMultiChat.ApiHost.Http;

/// <summary>Collects problems per request field, so a client learns about every bad field in one response.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <param name="field">The field's JSON name.</param>
    /// <param name="problem">What is wrong with it, or null when nothing is.</param>
    public FieldErrors Check(string field, string? problem)
    {
        if (problem is not null)
        {
            if (!_errors.TryGetValue(field, out var problems))
            {
                _errors[field] = problems = [];
            }

            problems.Add(problem);
        }

        return this;
    }

    /// <exception cref="ApiException"><see cref="ApiErrors.ValidationFailed"/> listing every problem, when there are any.</exception>
    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            var errors = _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
            throw new ApiException(ApiErrors.ValidationFailed, "See errors for the fields to fix.", errors);
        }
    }
}
