namespace LlmMultiChat.Grains.Characters;

/// <summary>
/// The model that speaks for a character: a provider configured under Llm:Providers (ollama, openai, ...), a model
/// name, and sampling settings (null: the provider's default).
/// </summary>
public sealed record ModelBinding(string Provider, string Model, double? Temperature = null, double? TopP = null, int? MaxTokens = null)
{
    /// <summary>Parses "provider:model" (the model may itself contain colons: "ollama:qwen2.5:3b").</summary>
    public static ModelBinding Parse(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == value.Length - 1)
        {
            throw new FormatException($"'{value}' is not a model binding; expected 'provider:model', e.g. 'ollama:qwen2.5:3b'.");
        }

        return new ModelBinding(value[..colon], value[(colon + 1)..]);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Provider}:{Model}";
}
