using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Emotions;
using LlmMultiChat.Grains.Growth;
using LlmMultiChat.Grains.Memory;
using Microsoft.Extensions.Configuration;
using Silo.Testing;

namespace LlmMultiChat.Grains.Tests.Characters;

/// <summary>A test silo with the character grains and what they need, on default options.</summary>
internal static class CharacterSilo
{
    public static Task<TestSilo> StartAsync()
    {
        var configuration = new ConfigurationBuilder().Build();
        return TestSilo.StartAsync(
            b => b.AddGrain<CharacterGrain>().AddGrain<CharacterDirectoryGrain>(),
            services => services.AddEmotions(configuration).AddAssociations(configuration).AddGrowth(configuration));
    }
}
