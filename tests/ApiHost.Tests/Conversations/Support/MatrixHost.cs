using LlmMultiChat.ApiHost.Tests.Infrastructure;

namespace LlmMultiChat.ApiHost.Tests.Conversations.Support;

/// <summary>
/// One host (rate limits off: the matrix signs up seven accounts and sends many requests) with an account for every kind of caller the authorization matrix names; each cell
/// gets a fresh conversation of the owner's with the guest, the operator and a third user invited.
/// </summary>
public sealed class MatrixHost : IAsyncLifetime
{
    private readonly Dictionary<string, TestUser> _callers = new(StringComparer.Ordinal);
    private ConversationHost? _host;

    internal ConversationHost Host => _host ?? throw new InvalidOperationException("The host is not started.");

    internal TestUser Owner => _callers[MatrixCaller.Owner];

    /// <summary>A participant no route acts as; the one the remove route removes.</summary>
    internal TestUser Bystander { get; private set; } = null!;

    /// <summary>An account no conversation has yet; the one the invite route invites.</summary>
    internal TestUser Newcomer { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _host = await ConversationHost.StartAsync(
        [
            ("RateLimits:Register:PermitLimit", "0"),
            ("RateLimits:Login:PermitLimit", "0"),
            ("RateLimits:Default:PermitLimit", "0"),
            ("RateLimits:SendMessage:PermitLimit", "0"),
            ("RateLimits:Stream:PermitLimit", "0"),
        ]);
        _callers[MatrixCaller.Admin] = _host.Admin;
        _callers[MatrixCaller.Owner] = await _host.SignUpAsync("olive");
        _callers[MatrixCaller.Guest] = await _host.SignUpAsync("gina", "guest");
        _callers[MatrixCaller.Other] = await _host.SignUpAsync("oscar");
        _callers[MatrixCaller.Operator] = await _host.SignUpAsync("opal", "operator");
        Bystander = await _host.SignUpAsync("bess");
        Newcomer = await _host.SignUpAsync("nina");
    }

    /// <summary>The caller's account; null for the anonymous caller.</summary>
    internal TestUser? Account(string caller) => caller == MatrixCaller.Anonymous ? null : _callers[caller];

    /// <summary>A new conversation of the owner's with Lumina, the guest, the operator and the bystander.</summary>
    public async Task<string> NewConversationAsync()
    {
        var id = (await ConversationHost.CreateAsync(Owner, "lumina")).String("id")!;
        foreach (var invited in new[] { _callers[MatrixCaller.Guest], _callers[MatrixCaller.Operator], Bystander })
        {
            await ConversationHost.InviteAsync(Owner, id, invited);
        }

        return id;
    }

    public async Task DisposeAsync()
    {
        foreach (var user in _callers.Values.Append(Bystander).Append(Newcomer).OfType<TestUser>())
        {
            user.Dispose();
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
