using LlmMultiChat.Grains.Coherence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LlmMultiChat.Grains.Memory;

public static class LongTermMemoryServiceCollectionExtensions
{
    /// <summary>
    /// What characters' long-term memories need besides an <see cref="IEmbedder"/> (AddEmbeddings) and the concept
    /// extractor (AddAssociations): the section "LongTermMemory", bound strictly and checked now, its scorer, its
    /// filter of small talk, the rule-based contradiction check, and the memory tables (in
    /// process memory unless storage registered others first).
    /// </summary>
    public static IServiceCollection AddLongTermMemory(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        var options = section.GetStrict<LongTermMemoryOptions>();
        options.Validate();
        services.TryAddSingleton(options);
        services.TryAddSingleton(new ImportanceScorer(options.Importance));
        services.TryAddSingleton(new StatementFilter(options));
        services.TryAddSingleton<IContradictionDetector, NegationPairContradictionDetector>();
        services.TryAddSingleton<ICharacterMemoryStore, MemoryCharacterMemoryStore>();
        return services;
    }
}
