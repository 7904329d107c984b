using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LlmMultiChat.Grains.Style;

public static class DialogueStyleServiceCollectionExtensions
{
    /// <summary>
    /// The dialogue-style adapter user grains use, configured from <paramref name="section"/> ("DialogueStyle"),
    /// checked now so a bad value stops the host naming the key; the built-in feedback phrases unless rules are
    /// registered.
    /// </summary>
    public static IServiceCollection AddDialogueStyle(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        var options = section.GetStrict<DialogueStyleOptions>();
        options.Validate();
        services.TryAddSingleton(StyleFeedbackRules.Default);
        services.TryAddSingleton(sp => new DialogueStyleAdapter(options, sp.GetRequiredService<IReadOnlyList<StyleFeedbackRule>>()));
        return services;
    }
}
