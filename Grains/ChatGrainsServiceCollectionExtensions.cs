using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Characters.Cards;
using LlmMultiChat.Grains.Coherence;
using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Emotions;
using LlmMultiChat.Grains.Growth;
using LlmMultiChat.Grains.Knowledge;
using LlmMultiChat.Grains.Llm;
using LlmMultiChat.Grains.Llm.Gateway;
using LlmMultiChat.Grains.Memory;
using LlmMultiChat.Grains.Prompting;
using LlmMultiChat.Grains.Style;
using LlmMultiChat.Grains.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LlmMultiChat.Grains;

public static class ChatGrainsServiceCollectionExtensions
{
    /// <summary>
    /// Everything the character and conversation grains need: the LLM gateway ("Llm"), prompts ("Prompting"),
    /// conversation settings ("Conversations"), character cards ("Characters:Cards"), turn-taking randomness, accounts
    /// ("Auth"), token quotas ("Quotas"), dialogue style ("DialogueStyle"), emotions ("Emotions"), associative memory
    /// ("Associations", "Concepts"), long-term memories ("LongTermMemory"), mid-term memories ("MidTermMemory"), growth
    /// ("Growth"), the embedder ("Embeddings") and the knowledge base ("Knowledge").
    /// The message log defaults to memory; a host on SQLite replaces it (Grains.Storage). Configuration is checked
    /// now, so a bad value stops the host at startup naming the key.
    /// </summary>
    public static IServiceCollection AddChatGrains(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddLlmGateway(configuration.GetSection(LlmOptions.SectionName));
        services.AddSingleton(Options.Create(Checked(configuration.GetSection(ConversationOptions.SectionName).GetStrict<ConversationOptions>(), o => o.Validate())));
        services.AddSingleton(Options.Create(Checked(configuration.GetSection(PromptOptions.SectionName).GetStrict<PromptOptions>(), o => o.Validate())));
        services.AddCharacterCards(cards => configuration.GetSection(CharacterCardOptions.SectionName).Bind(cards, Strict));
        services.TryAddSingleton<IPromptBuilder, HandlebarsPromptBuilder>();
        services.TryAddSingleton<IRandomSource, SharedRandomSource>();
        services.TryAddSingleton<IConversationLog, MemoryConversationLog>();
        services.TryAddSingleton<ISessionSummaryStore, MemorySessionSummaryStore>();
        services.TryAddSingleton<PersonalMemories>();
        if (configuration.GetSection(EmotionOptions.SectionName).GetStrict<EmotionOptions>().Model is { } emotionModel)
        {
            services.AddSingleton<IEmotionAppraiser>(sp => new LlmEmotionAppraiser(
                EmotionLexicon.Default, sp.GetRequiredService<ILlmGateway>(), ModelBinding.Parse(emotionModel), sp.GetRequiredService<ILogger<LlmEmotionAppraiser>>()));
        }

        services.AddEmotions(configuration.GetSection(EmotionOptions.SectionName));
        services.AddAssociations(configuration);
        services.AddGrowth(configuration.GetSection(GrowthOptions.SectionName));
        var auth = Checked(configuration.GetSection(AuthOptions.SectionName).GetStrict<AuthOptions>(), o => o.Validate());
        services.AddSingleton(Options.Create(auth));
        services.AddSingleton(Options.Create(Checked(configuration.GetSection(QuotaOptions.SectionName).GetStrict<QuotaOptions>(), o => o.Validate())));
        services.AddSingleton(Options.Create(new PasswordHasherOptions { IterationCount = auth.PasswordHashIterations }));
        services.TryAddSingleton<PasswordHashing>();
        services.TryAddSingleton<AccountService>();
        services.AddDialogueStyle(configuration.GetSection(DialogueStyleOptions.SectionName));
        services.AddEmbeddings(configuration.GetSection(EmbeddingOptions.SectionName));
        var coherence = Checked(configuration.GetSection(CoherenceOptions.SectionName).GetStrict<CoherenceOptions>(), o => o.Validate());
        if (coherence.Model is not null)
        {
            services.AddSingleton<IContradictionDetector>(sp => new LlmContradictionDetector(
                new NegationPairContradictionDetector(), sp.GetRequiredService<ILlmGateway>(), coherence, sp.GetRequiredService<ILogger<LlmContradictionDetector>>()));
        }

        services.AddLongTermMemory(configuration.GetSection(LongTermMemoryOptions.SectionName));
        services.AddSingleton(Checked(configuration.GetSection(MidTermMemoryOptions.SectionName).GetStrict<MidTermMemoryOptions>(), o => o.Validate()));
        services.AddSingleton(Checked(configuration.GetSection(RetrievalOptions.SectionName).GetStrict<RetrievalOptions>(), o => o.Validate()));
        services.TryAddSingleton<ThreadSummarizer>();
        services.TryAddSingleton(new SelfReflectionTrigger(configuration.GetSection(ReflectionOptions.SectionName).GetStrict<ReflectionOptions>()));
        services.AddSingleton(Options.Create(Checked(configuration.GetSection(KnowledgeOptions.SectionName).GetStrict<KnowledgeOptions>(), o => o.Validate())));
        return services;
    }

    private static void Strict(BinderOptions options) => options.ErrorOnUnknownConfiguration = true;

    private static T Checked<T>(T options, Action<T> validate)
    {
        validate(options);
        return options;
    }
}
