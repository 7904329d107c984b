using Microsoft.Extensions.Configuration;

namespace LlmMultiChat.Grains;

/// <summary>How every options section of the grains is read.</summary>
internal static class StrictConfiguration
{
    /// <summary>The section bound to <typeparamref name="T"/>, refusing unknown keys (a misspelt key must not fall back silently to a default); defaults when the section is absent.</summary>
    public static T GetStrict<T>(this IConfiguration section)
        where T : new() =>
        section.Get<T>(binder => binder.ErrorOnUnknownConfiguration = true) ?? new();
}
