using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Emotions;
using LlmMultiChat.Grains.Growth;
using LlmMultiChat.Grains.Memory;
using Microsoft.Extensions.Configuration;
using Silo.Testing;

namespace LlmMultiChat.Grains.Tests.Characters;

/// <summary>A test silo with the character grains and what they need, on default options unless <c>settings</c> says otherwise.</summary>
internal static class CharacterSilo
{
    public static Task<TestSilo> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        return TestSilo.StartAsync(
            b => b.AddGrain<CharacterGrain>().AddGrain<CharacterDirectoryGrain>(),
            services => services.AddEmotions(configuration.GetSection(EmotionOptions.SectionName)).AddAssociations(configuration)
                .AddGrowth(configuration.GetSection(GrowthOptions.SectionName))
                .AddEmbeddings(configuration.GetSection(EmbeddingOptions.SectionName))
                .AddLongTermMemory(configuration.GetSection(LongTermMemoryOptions.SectionName)));
    }
}
