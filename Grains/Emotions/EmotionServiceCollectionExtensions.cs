using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LlmMultiChat.Grains.Emotions;

public static class EmotionServiceCollectionExtensions
{
    /// <summary>
    /// The emotion engine character grains use, on the host's clock, configured from <paramref name="section"/>
    /// ("Emotions"), checked now so a bad value stops the host naming the key; the built-in lexicon unless one is
    /// registered.
    /// </summary>
    public static IServiceCollection AddEmotions(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        var options = section.GetStrict<EmotionOptions>();
        options.Validate();
        services.TryAddSingleton(EmotionLexicon.Default);
        services.TryAddSingleton(sp => new EmotionEngine(options, sp.GetRequiredService<EmotionLexicon>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
