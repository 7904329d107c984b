using LlmMultiChat.FakeLlm;
using LlmMultiChat.Grains;
using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Llm;
using LlmMultiChat.Grains.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Silo.Hosting;
using Silo.Streams;

namespace Benchmarks.Scenarios;

/// <summary>A silo with the chat grains, on memory or SQLite, talking to the fake LLM.</summary>
internal sealed class ChatHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ChatHost(ServiceProvider services)
    {
        _services = services;
        Silo = services.GetRequiredService<SiloHost>();
    }

    public SiloHost Silo { get; }

    public IGrainFactory Grains => Silo.GrainFactory;

    public IServiceProvider Services => _services;

    public ILlmGateway Gateway => _services.GetRequiredService<ILlmGateway>();

    public IStreamProvider Streams => _services.GetRequiredKeyedService<IStreamProvider>(ConversationStreams.Provider);

    public static async Task<ChatHost> StartAsync(FakeLlmServer llm, string? sqlitePath, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Llm:DefaultModel"] = "ollama:qwen2.5:3b",
            ["Llm:Providers:ollama:BaseUrl"] = llm.BaseUrl.ToString(),
        }).Build();
        var services = new ServiceCollection();
        services.AddSilo(silo =>
        {
            silo.AddGrains(typeof(ChatSessionGrain).Assembly).AddInProcessStreams();
            if (sqlitePath is null)
            {
                silo.AddMemoryGrainStorage();
            }
            else
            {
                silo.UseSqlite(o => o.Path = sqlitePath);
                services.AddSqliteGrainTables();
            }
        });
        services.AddChatGrains(configuration);
        var host = new ChatHost(services.BuildServiceProvider());
        await host.Silo.StartAsync();
        await UpstreamCharacters.SeedAsync(host.Grains);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await Silo.StopAsync();
        await _services.DisposeAsync();
    }
}
