using LlmMultiChat.FakeLlm;
using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Llm;
using LlmMultiChat.Grains.Llm.Gateway;
using LlmMultiChat.Grains.Llm.OpenAi;
using LlmMultiChat.Grains.Tests.Llm.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using Silo.Testing;

namespace LlmMultiChat.Grains.Tests.Llm;

public sealed class LlmConfigurationTests
{
    [Fact]
    public void An_empty_section_gives_the_documented_defaults()
    {
        var settings = Resolve();

        Assert.Equal(new ModelBinding("ollama", "qwen2.5:3b"), settings.DefaultModel);
        Assert.Empty(settings.Fallbacks);
        var ollama = Assert.Single(settings.Providers);
        Assert.Equal(new LlmProviderSettings("ollama", LlmProtocol.Ollama, new Uri("http://localhost:11434"), null, OpenAiMaxTokensField.MaxCompletionTokens), ollama);
        Assert.Equal(
            (TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10)),
            (settings.Timeouts.Connect, settings.Timeouts.FirstToken, settings.Timeouts.BetweenTokens, settings.Timeouts.Total));
        Assert.Equal(
            (2, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), true),
            (settings.Retry.MaxRetries, settings.Retry.BaseDelay, settings.Retry.MaxDelay, settings.Retry.UseJitter));
        Assert.Equal(
            (0.5, 4, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(30)),
            (settings.CircuitBreaker.FailureRatio, settings.CircuitBreaker.MinimumThroughput, settings.CircuitBreaker.SamplingDuration, settings.CircuitBreaker.BreakDuration));
    }

    [Fact]
    public void Every_key_is_read()
    {
        var settings = Resolve(
            ("Llm:DefaultModel", "lab:llama3.1:70b"),
            ("Llm:Fallbacks:0", "OLLAMA:qwen2.5:3b"),
            ("Llm:Fallbacks:1", "openai:gpt-4o-mini"),
            ("Llm:Providers:ollama:BaseUrl", "http://gpu-box:11434"),
            ("Llm:Providers:openai:ApiKey", "sk-live"),
            ("Llm:Providers:lab:BaseUrl", "http://lab:8000/v1"),
            ("Llm:Providers:lab:Protocol", "OpenAI"),
            ("Llm:Providers:lab:MaxTokensField", "max_tokens"),
            ("Llm:Timeouts:Connect", "00:00:02"),
            ("Llm:Timeouts:FirstToken", "00:00:45"),
            ("Llm:Timeouts:BetweenTokens", "00:00:12"),
            ("Llm:Timeouts:Total", "00:03:00"),
            ("Llm:Retry:MaxRetries", "4"),
            ("Llm:Retry:BaseDelay", "00:00:00.250"),
            ("Llm:Retry:MaxDelay", "00:00:05"),
            ("Llm:Retry:UseJitter", "false"),
            ("Llm:CircuitBreaker:FailureRatio", "0.8"),
            ("Llm:CircuitBreaker:MinimumThroughput", "10"),
            ("Llm:CircuitBreaker:SamplingDuration", "00:02:00"),
            ("Llm:CircuitBreaker:BreakDuration", "00:01:00"));

        Assert.Equal(new ModelBinding("lab", "llama3.1:70b"), settings.DefaultModel);
        Assert.Equal([new ModelBinding("OLLAMA", "qwen2.5:3b"), new ModelBinding("openai", "gpt-4o-mini")], settings.Fallbacks);
        Assert.Equal(
            [
                new LlmProviderSettings("lab", LlmProtocol.OpenAi, new Uri("http://lab:8000/v1"), null, OpenAiMaxTokensField.MaxTokens),
                new LlmProviderSettings("ollama", LlmProtocol.Ollama, new Uri("http://gpu-box:11434"), null, OpenAiMaxTokensField.MaxCompletionTokens),
                new LlmProviderSettings("openai", LlmProtocol.OpenAi, new Uri("https://api.openai.com/v1"), "sk-live", OpenAiMaxTokensField.MaxCompletionTokens),
            ],
            settings.Providers);
        Assert.Equal(
            (TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(12), TimeSpan.FromMinutes(3)),
            (settings.Timeouts.Connect, settings.Timeouts.FirstToken, settings.Timeouts.BetweenTokens, settings.Timeouts.Total));
        Assert.Equal(
            (4, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5), false),
            (settings.Retry.MaxRetries, settings.Retry.BaseDelay, settings.Retry.MaxDelay, settings.Retry.UseJitter));
        Assert.Equal(
            (0.8, 10, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(1)),
            (settings.CircuitBreaker.FailureRatio, settings.CircuitBreaker.MinimumThroughput, settings.CircuitBreaker.SamplingDuration, settings.CircuitBreaker.BreakDuration));
    }

    [Fact]
    public void The_shipped_appsettings_json_is_a_valid_llm_configuration()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "LlmMultiChat.Orleans.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(root.FullName, "ApiHost", "appsettings.json")).Build();

        var settings = LlmConfiguration.Resolve(LlmConfiguration.Bind(configuration.GetSection("Llm"), "Llm"), "Llm");

        Assert.Equal(new ModelBinding("ollama", "qwen2.5:3b"), settings.DefaultModel);
        Assert.Contains(settings.Providers, p => p.Name == "ollama" && p.BaseUrl == new Uri("http://localhost:11434"));
    }

    [Theory]
    [InlineData("Llm:DefaultModel", "qwen2.5", new[] { "Llm:DefaultModel", "'provider:model'" })]
    [InlineData("Llm:DefaultModel", "nowhere:m", new[] { "Llm:DefaultModel is 'nowhere:m'", "no provider 'nowhere'", "Llm:Providers" })]
    [InlineData("Llm:Fallbacks:0", "elsewhere:m", new[] { "Llm:Fallbacks:0 is 'elsewhere:m'" })]
    [InlineData("Llm:Providers:lab:BaseUrl", "http://lab:8000/v1", new[] { "Llm:Providers:lab:Protocol is required" })]
    [InlineData("Llm:Providers:lab:Protocol", "grpc", new[] { "Llm:Providers:lab:Protocol is 'grpc'", "Llm:Providers:lab:BaseUrl is required" })]
    [InlineData("Llm:Providers:ollama:BaseUrl", "localhost:11434", new[] { "Llm:Providers:ollama:BaseUrl is 'localhost:11434'", "absolute http or https URL" })]
    [InlineData("Llm:Providers:ollama:MaxTokensField", "max_tokens", new[] { "Llm:Providers:ollama:MaxTokensField applies to the openai protocol only" })]
    [InlineData("Llm:Providers:openai:MaxTokensField", "tokens", new[] { "Llm:Providers:openai:MaxTokensField is 'tokens'" })]
    [InlineData("Llm:Timeouts:FirstToken", "00:00:00", new[] { "Llm:Timeouts:FirstToken is 00:00:00" })]
    [InlineData("Llm:Timeouts:Total", "soon", new[] { "Llm:Timeouts:Total" })]
    [InlineData("Llm:Timeouts:FirstTokn", "00:00:10", new[] { "Llm:Timeouts:FirstTokn is not a setting", "Llm:Timeouts has Connect, FirstToken, BetweenTokens, Total" })]
    [InlineData("Llm:Provider:ollama:BaseUrl", "http://x:11434", new[] { "Llm:Provider is not a setting" })]
    [InlineData("Llm:Providers:ollama:Url", "http://x:11434", new[] { "Llm:Providers:ollama:Url is not a setting", "BaseUrl" })]
    [InlineData("Llm:Retry:MaxRetries", "-1", new[] { "Llm:Retry:MaxRetries is -1" })]
    [InlineData("Llm:Retry:MaxDelay", "00:00:00.5", new[] { "Llm:Retry:MaxDelay is 00:00:00.5000000", "Llm:Retry:BaseDelay" })]
    [InlineData("Llm:CircuitBreaker:FailureRatio", "1.5", new[] { "Llm:CircuitBreaker:FailureRatio is 1.5" })]
    [InlineData("Llm:CircuitBreaker:MinimumThroughput", "1", new[] { "Llm:CircuitBreaker:MinimumThroughput is 1" })]
    [InlineData("Llm:CircuitBreaker:BreakDuration", "00:00:00.1", new[] { "Llm:CircuitBreaker:BreakDuration is 00:00:00.1000000" })]
    public void A_setting_that_cannot_be_honoured_fails_registration_with_a_message_naming_it(string key, string value, string[] expected)
    {
        var section = Section((key, value));

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddLlmGateway(section));

        foreach (var fragment in expected)
        {
            Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_registered_gateway_answers_with_the_configured_default_model_on_the_hosts_clock()
    {
        await using var server = new FakeLlmServer();
        await server.StartAsync();
        var clock = new ManualTimeProvider();
        await using var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddLlmGateway(Section(
                ("Llm:DefaultModel", "box:tiny"),
                ("Llm:Providers:box:BaseUrl", server.BaseUrl.ToString()),
                ("Llm:Providers:box:Protocol", "ollama"),
                ("Llm:Timeouts:Total", "00:07:00")))
            .BuildServiceProvider();

        var gateway = services.GetRequiredService<ILlmGateway>();
        var reply = await gateway.StreamAsync(null, GatewayHarness.Request(), CancellationToken.None).ReadAllOrFail("the reply");

        Assert.Same(services.GetRequiredService<LlmGateway>(), gateway);
        Assert.Null(reply.Error);
        Assert.Equal("tiny", Assert.Single(server.ChatRequests).Model);
        Assert.True(clock.WhenTimerArmed(TimeSpan.FromMinutes(7)).IsCompleted, "The total timeout must run on the TimeProvider registered in DI.");
    }

    private static IConfiguration Section(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build()
            .GetSection(LlmOptions.SectionName);

    private static LlmGatewaySettings Resolve(params (string Key, string Value)[] settings) =>
        LlmConfiguration.Resolve(LlmConfiguration.Bind(Section(settings), LlmOptions.SectionName), LlmOptions.SectionName);
}
