using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LlmMultiChat.Grains.Emotions;

public static class EmotionServiceCollectionExtensions
{
    /// <summary>
    /// The emotion engine character grains use, on the host's clock, configured from <paramref name="section"/>
    /// ("Emotions"), checked now so a bad value stops the host naming the key; appraisal by the built-in lexicon unless
    /// another appraiser (or lexicon) is registered first.
    /// </summary>
    public static IServiceCollection AddEmotions(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        var options = section.GetStrict<EmotionOptions>();
        options.Validate();
        services.TryAddSingleton(EmotionLexicon.Default);
        services.TryAddSingleton<IEmotionAppraiser>(sp => sp.GetRequiredService<EmotionLexicon>());
        services.TryAddSingleton(sp => new EmotionEngine(options, sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
