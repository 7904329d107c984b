using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace LlmMultiChat.Grains.Llm.Gateway;

/// <summary>Registers the LLM gateway (<see cref="ILlmGateway"/>) with its providers, timeouts, retries, breakers and fallbacks.</summary>
public static class LlmServiceCollectionExtensions
{
    /// <summary>
    /// Binds the "Llm" section (pass <c>configuration.GetSection("Llm")</c>) strictly and checks it now, so a bad
    /// configuration stops the host at startup with a message naming the key.
    /// </summary>
    /// <exception cref="InvalidOperationException">A key is unknown or a value cannot be honoured.</exception>
    public static IServiceCollection AddLlmGateway(this IServiceCollection services, IConfiguration llmSection)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(llmSection);
        var path = llmSection is IConfigurationSection section ? section.Path : LlmOptions.SectionName;
        var options = LlmConfiguration.Bind(llmSection, path);
        return services.AddGateway(LlmConfiguration.Resolve(options, path));
    }

    /// <summary>Registers the gateway with options set in code; checked now, like the configuration overload.</summary>
    /// <exception cref="InvalidOperationException">A value cannot be honoured.</exception>
    public static IServiceCollection AddLlmGateway(this IServiceCollection services, Action<LlmOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new LlmOptions();
        configure(options);
        return services.AddGateway(LlmConfiguration.Resolve(options, LlmOptions.SectionName));
    }

    private static IServiceCollection AddGateway(this IServiceCollection services, LlmGatewaySettings settings)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new LlmGateway(settings, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILoggerFactory>()));
        services.AddSingleton<ILlmGateway>(sp => sp.GetRequiredService<LlmGateway>());
        return services;
    }
}
