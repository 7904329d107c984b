using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LlmMultiChat.Grains.Characters.Cards;

public static class CharacterCardsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CharacterCards"/>. The host binds <see cref="CharacterCardOptions.SectionName"/> to
    /// <see cref="CharacterCardOptions"/>; <paramref name="configure"/> adjusts them further.
    /// </summary>
    public static IServiceCollection AddCharacterCards(this IServiceCollection services, Action<CharacterCardOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<CharacterCardOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<CharacterCards>();
        return services;
    }
}
