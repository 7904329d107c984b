using System.Globalization;
using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Llm.OpenAi;
using Microsoft.Extensions.Configuration;

namespace LlmMultiChat.Grains.Llm.Gateway;

/// <summary>Binds the "Llm" section strictly and checks every value, naming the key of each problem.</summary>
internal static class LlmConfiguration
{
    public const string OllamaProvider = "ollama";
    public const string OpenAiProvider = "openai";
    public static readonly Uri OllamaDefaultUrl = new("http://localhost:11434");
    public static readonly Uri OpenAiDefaultUrl = new("https://api.openai.com/v1");

    private static readonly TimeSpan s_longest = TimeSpan.FromDays(1);
    private static readonly TimeSpan s_shortestBreakerWindow = TimeSpan.FromSeconds(0.5);

    /// <exception cref="InvalidOperationException">A key is unknown or a value cannot be converted; the message names it.</exception>
    public static LlmOptions Bind(IConfiguration section, string path)
    {
        var unknown = UnknownKeys(section, path).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"The LLM configuration has settings this build does not know (misspelt?):{Environment.NewLine}- {string.Join($"{Environment.NewLine}- ", unknown)}");
        }

        var options = new LlmOptions();
        try
        {
            // A misspelt key must not fall back silently to a default.
            section.Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"Configuration section {path}: {ex.Message}", ex);
        }

        return options;
    }

    /// <exception cref="InvalidOperationException">Some values cannot be honoured; the message lists each with its key.</exception>
    public static LlmGatewaySettings Resolve(LlmOptions options, string path)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var providers = Providers(options, path, errors);
        var names = providers.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var defaultModel = Binding(options.DefaultModel, $"{path}:DefaultModel", path, names, errors);
        var fallbacks = new List<ModelBinding>();
        for (var i = 0; i < options.Fallbacks.Count; i++)
        {
            if (Binding(options.Fallbacks[i], $"{path}:Fallbacks:{i}", path, names, errors) is { } fallback)
            {
                fallbacks.Add(fallback);
            }
        }

        var timeouts = options.Timeouts ?? new LlmTimeoutOptions();
        Positive(timeouts.Connect, $"{path}:Timeouts:Connect", errors);
        Positive(timeouts.FirstToken, $"{path}:Timeouts:FirstToken", errors);
        Positive(timeouts.BetweenTokens, $"{path}:Timeouts:BetweenTokens", errors);
        Positive(timeouts.Total, $"{path}:Timeouts:Total", errors);

        var retry = options.Retry ?? new LlmRetryOptions();
        if (retry.MaxRetries is < 0 or > 10)
        {
            errors.Add($"{path}:Retry:MaxRetries is {retry.MaxRetries}; it must be between 0 (no retries) and 10.");
        }

        if (retry.BaseDelay < TimeSpan.Zero || retry.BaseDelay > s_longest)
        {
            errors.Add($"{path}:Retry:BaseDelay is {retry.BaseDelay}; it must be between 00:00:00 and 1.00:00:00.");
        }

        if (retry.MaxDelay < retry.BaseDelay || retry.MaxDelay > s_longest)
        {
            errors.Add($"{path}:Retry:MaxDelay is {retry.MaxDelay}; it must be at least {path}:Retry:BaseDelay ({retry.BaseDelay}) and at most 1.00:00:00.");
        }

        var breaker = options.CircuitBreaker ?? new LlmCircuitBreakerOptions();
        if (!(breaker.FailureRatio > 0 && breaker.FailureRatio <= 1))
        {
            errors.Add($"{path}:CircuitBreaker:FailureRatio is {breaker.FailureRatio.ToString(CultureInfo.InvariantCulture)}; it must be greater than 0 and at most 1.");
        }

        if (breaker.MinimumThroughput < 2)
        {
            errors.Add($"{path}:CircuitBreaker:MinimumThroughput is {breaker.MinimumThroughput}; it must be at least 2.");
        }

        AtLeastHalfSecond(breaker.SamplingDuration, $"{path}:CircuitBreaker:SamplingDuration", errors);
        AtLeastHalfSecond(breaker.BreakDuration, $"{path}:CircuitBreaker:BreakDuration", errors);

        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"The LLM configuration cannot be used:{Environment.NewLine}- {string.Join($"{Environment.NewLine}- ", errors)}");
        }

        return new LlmGatewaySettings(
            defaultModel!,
            fallbacks,
            providers,
            new LlmTimeoutOptions { Connect = timeouts.Connect, FirstToken = timeouts.FirstToken, BetweenTokens = timeouts.BetweenTokens, Total = timeouts.Total },
            new LlmRetryOptions { MaxRetries = retry.MaxRetries, BaseDelay = retry.BaseDelay, MaxDelay = retry.MaxDelay, UseJitter = retry.UseJitter },
            new LlmCircuitBreakerOptions
            {
                FailureRatio = breaker.FailureRatio,
                MinimumThroughput = breaker.MinimumThroughput,
                SamplingDuration = breaker.SamplingDuration,
                BreakDuration = breaker.BreakDuration,
            });
    }

    /// <summary>Keys that bind to nothing, each with the names that would have.</summary>
    private static IEnumerable<string> UnknownKeys(IConfiguration section, string path)
    {
        foreach (var child in section.GetChildren())
        {
            var key = $"{path}:{child.Key}";
            var property = typeof(LlmOptions).GetProperties().FirstOrDefault(p => p.Name.Equals(child.Key, StringComparison.OrdinalIgnoreCase));
            IEnumerable<string> unknown = property?.Name switch
            {
                null => [Unknown(key, path, typeof(LlmOptions))],
                nameof(LlmOptions.Providers) => child.GetChildren().SelectMany(p => UnknownChildren(p, $"{key}:{p.Key}", typeof(LlmProviderOptions))),
                nameof(LlmOptions.Timeouts) or nameof(LlmOptions.Retry) or nameof(LlmOptions.CircuitBreaker) => UnknownChildren(child, key, property.PropertyType),
                _ => [],
            };
            foreach (var problem in unknown)
            {
                yield return problem;
            }
        }
    }

    private static IEnumerable<string> UnknownChildren(IConfigurationSection section, string path, Type options) =>
        section.GetChildren().Where(c => Known(c.Key, options) is null).Select(c => Unknown($"{path}:{c.Key}", path, options));

    private static string? Known(string key, Type options) =>
        options.GetProperties().FirstOrDefault(p => p.Name.Equals(key, StringComparison.OrdinalIgnoreCase))?.Name;

    private static string Unknown(string key, string path, Type options) =>
        $"{key} is not a setting; {path} has {string.Join(", ", options.GetProperties().Select(p => p.Name))}.";

    private static List<LlmProviderSettings> Providers(LlmOptions options, string path, List<string> errors)
    {
        var configured = new Dictionary<string, LlmProviderOptions>(options.Providers ?? [], StringComparer.OrdinalIgnoreCase);
        configured.TryAdd(OllamaProvider, new LlmProviderOptions());

        var providers = new List<LlmProviderSettings>();
        foreach (var (name, provider) in configured.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
        {
            var key = $"{path}:Providers:{name}";
            var protocol = Protocol(name, provider.Protocol, $"{key}:Protocol", errors);
            var baseUrl = BaseUrl(name, provider.BaseUrl, $"{key}:BaseUrl", errors);
            var maxTokensField = MaxTokensField(provider.MaxTokensField, protocol, $"{key}:MaxTokensField", errors);
            if (protocol is { } p && baseUrl is not null && maxTokensField is { } field)
            {
                providers.Add(new LlmProviderSettings(name, p, baseUrl, string.IsNullOrWhiteSpace(provider.ApiKey) ? null : provider.ApiKey, field));
            }
        }

        return providers;
    }

    private static LlmProtocol? Protocol(string name, string? value, string key, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (name.StartsWith(OllamaProvider, StringComparison.OrdinalIgnoreCase))
            {
                return LlmProtocol.Ollama;
            }

            if (name.StartsWith(OpenAiProvider, StringComparison.OrdinalIgnoreCase))
            {
                return LlmProtocol.OpenAi;
            }

            errors.Add($"{key} is required: the name '{name}' does not say which protocol the endpoint speaks. Use 'ollama' or 'openai'.");
            return null;
        }

        switch (value.Trim().ToLowerInvariant())
        {
            case OllamaProvider:
                return LlmProtocol.Ollama;
            case OpenAiProvider:
                return LlmProtocol.OpenAi;
            default:
                errors.Add($"{key} is '{value}'; use 'ollama' or 'openai'.");
                return null;
        }
    }

    private static Uri? BaseUrl(string name, string? value, string key, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (name.Equals(OllamaProvider, StringComparison.OrdinalIgnoreCase))
            {
                return OllamaDefaultUrl;
            }

            if (name.Equals(OpenAiProvider, StringComparison.OrdinalIgnoreCase))
            {
                return OpenAiDefaultUrl;
            }

            errors.Add($"{key} is required for provider '{name}' (only 'ollama' and 'openai' have a default).");
            return null;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"{key} is '{value}'; it must be an absolute http or https URL, e.g. http://localhost:11434.");
            return null;
        }

        return url;
    }

    private static OpenAiMaxTokensField? MaxTokensField(string? value, LlmProtocol? protocol, string key, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return OpenAiMaxTokensField.MaxCompletionTokens;
        }

        if (protocol == LlmProtocol.Ollama)
        {
            errors.Add($"{key} applies to the openai protocol only (Ollama's native API always uses options.num_predict).");
            return null;
        }

        switch (value.Trim().ToLowerInvariant())
        {
            case "max_completion_tokens":
                return OpenAiMaxTokensField.MaxCompletionTokens;
            case "max_tokens":
                return OpenAiMaxTokensField.MaxTokens;
            default:
                errors.Add($"{key} is '{value}'; use 'max_completion_tokens' or 'max_tokens'.");
                return null;
        }
    }

    private static ModelBinding? Binding(string? value, string key, string path, HashSet<string> providers, List<string> errors)
    {
        ModelBinding binding;
        try
        {
            binding = ModelBinding.Parse(value ?? string.Empty);
        }
        catch (ArgumentException)
        {
            errors.Add($"{key} is empty; expected 'provider:model', e.g. '{LlmOptions.DefaultModelBinding}'.");
            return null;
        }
        catch (FormatException ex)
        {
            errors.Add($"{key}: {ex.Message}");
            return null;
        }

        if (!providers.Contains(binding.Provider))
        {
            errors.Add($"{key} is '{value}', but no provider '{binding.Provider}' is configured under {path}:Providers (configured: {string.Join(", ", providers.Order(StringComparer.OrdinalIgnoreCase))}).");
            return null;
        }

        return binding;
    }

    private static void Positive(TimeSpan value, string key, List<string> errors)
    {
        if (value <= TimeSpan.Zero || value > s_longest)
        {
            errors.Add($"{key} is {value}; it must be greater than 00:00:00 and at most 1.00:00:00.");
        }
    }

    private static void AtLeastHalfSecond(TimeSpan value, string key, List<string> errors)
    {
        if (value < s_shortestBreakerWindow || value > s_longest)
        {
            errors.Add($"{key} is {value}; it must be between 00:00:00.5 and 1.00:00:00.");
        }
    }
}
