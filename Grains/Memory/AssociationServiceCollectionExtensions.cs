using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LlmMultiChat.Grains.Memory;

public static class AssociationServiceCollectionExtensions
{
    /// <summary>
    /// What characters' associative memory needs: the graph's options (section "Associations") and the concept
    /// extractor (section "Concepts"), bound strictly from <paramref name="configuration"/> and checked now, so a bad
    /// value stops the host naming the key.
    /// </summary>
    public static IServiceCollection AddAssociations(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(AssociationOptions.SectionName).GetStrict<AssociationOptions>();
        options.Validate();
        var extractor = new ConceptExtractor(configuration.GetSection(ConceptExtractorOptions.SectionName).GetStrict<ConceptExtractorOptions>());
        services.TryAddSingleton(options);
        services.TryAddSingleton(extractor);
        return services;
    }
}
