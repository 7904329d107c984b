using LlmMultiChat.ApiHost.Tests.Infrastructure;

namespace LlmMultiChat.ApiHost.Tests.Conversations.Support;

/// <summary>One host, one user (alice) and one conversation of hers with Lumina, shared by a test class whose tests change nothing.</summary>
public sealed class SharedConversationHost : IAsyncLifetime
{
    private ConversationHost? _host;
    private TestUser? _alice;

    internal ConversationHost Host => _host ?? throw new InvalidOperationException("The host is not started.");

    internal TestUser Alice => _alice ?? throw new InvalidOperationException("The host is not started.");

    public string ConversationId { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        _host = await ConversationHost.StartAsync();
        _alice = await _host.SignUpAsync("alice");
        ConversationId = (await ConversationHost.CreateAsync(_alice, "lumina")).String("id")!;
    }

    public async Task DisposeAsync()
    {
        _alice?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
