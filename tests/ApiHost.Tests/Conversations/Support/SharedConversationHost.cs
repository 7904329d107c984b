using LlmMultiChat.ApiHost.Tests.Infrastructure;

namespace LlmMultiChat.ApiHost.Tests.Conversations.Support;

/// <summary>
/// One host, one user (alice) and one conversation of hers with Lumina, shared by a test class whose tests change
/// nothing. The conversation has no messages until <see cref="ReplyIdAsync"/> is first called.
/// </summary>
public sealed class SharedConversationHost : IAsyncLifetime
{
    private ConversationHost? _host;
    private TestUser? _alice;
    private Task<string>? _replyId;

    internal ConversationHost Host => _host ?? throw new InvalidOperationException("The host is not started.");

    internal TestUser Alice => _alice ?? throw new InvalidOperationException("The host is not started.");

    public string ConversationId { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        _host = await ConversationHost.StartAsync();
        _alice = await _host.SignUpAsync("alice");
        ConversationId = (await ConversationHost.CreateAsync(_alice, "lumina")).String("id")!;
    }

    /// <summary>The id of Lumina's reply to a message alice sends at the first call.</summary>
    public Task<string> ReplyIdAsync() => _replyId ??= SendForReplyAsync();

    public async Task DisposeAsync()
    {
        _alice?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private async Task<string> SendForReplyAsync() =>
        (await ConversationHost.SendAsync(Alice, ConversationId, "評価される返事をください")).GetProperty("replies")[0].String("id")!;
}
