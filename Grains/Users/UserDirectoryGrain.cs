namespace LlmMultiChat.Grains.Users;

/// <summary>Every account: unique usernames and emails, login resolution and the administrators' list.</summary>
public sealed class UserDirectoryGrain(
    [PersistentState("directory")] IPersistentState<UserDirectoryState> state,
    TimeProvider time) : Grain, IUserDirectoryGrain
{
    private readonly Dictionary<string, string> _byUsername = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _byEmail = new(StringComparer.Ordinal);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var user in state.State.Users.Values)
        {
            Index(user);
        }

        return Task.CompletedTask;
    }

    public async Task<NameClaim> Claim(string userId, string username, string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var normalizedEmail = AccountRules.NormalizeEmail(email);
        if (_byUsername.ContainsKey(username))
        {
            return NameClaim.UsernameTaken;
        }

        if (_byEmail.ContainsKey(normalizedEmail))
        {
            return NameClaim.EmailTaken;
        }

        var first = state.State.Users.Count == 0;
        var pending = new UserSummary(userId, username, normalizedEmail, [], IsActive: false, time.GetUtcNow());
        await ChangeAsync(users => users[userId] = pending);
        Index(pending);
        return first ? NameClaim.ClaimedFirst : NameClaim.Claimed;
    }

    public async Task Upsert(UserSummary user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var previous = state.State.Users.GetValueOrDefault(user.Id);
        await ChangeAsync(users => users[user.Id] = user);
        if (previous is not null)
        {
            Unindex(previous);
        }

        Index(user);
    }

    public async Task Remove(string userId)
    {
        if (state.State.Users.TryGetValue(userId, out var user))
        {
            await ChangeAsync(users => users.Remove(userId));
            Unindex(user);
        }
    }

    public Task<string?> Resolve(string login)
    {
        var key = login.Trim();
        var id = key.Contains('@', StringComparison.Ordinal)
            ? _byEmail.GetValueOrDefault(AccountRules.NormalizeEmail(key))
            : _byUsername.GetValueOrDefault(key);
        return Task.FromResult(id);
    }

    public Task<UserPage> List(int offset, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var users = state.State.Users.Values;
        UserSummary[] page = [.. users.OrderBy(u => u.CreatedAt).ThenBy(u => u.Id, StringComparer.Ordinal).Skip(offset).Take(limit)];
        return Task.FromResult(new UserPage(page, users.Count));
    }

    // The in-memory indexes change only after the write succeeded, so they never claim what storage lacks.
    private async Task ChangeAsync(Action<Dictionary<string, UserSummary>> change)
    {
        var next = new UserDirectoryState { Users = new(state.State.Users, StringComparer.Ordinal) };
        change(next.Users);
        await state.ReplaceStateAsync(next);
    }

    private void Index(UserSummary user)
    {
        _byUsername[user.Username] = user.Id;
        _byEmail[AccountRules.NormalizeEmail(user.Email)] = user.Id;
    }

    private void Unindex(UserSummary user)
    {
        _byUsername.Remove(user.Username);
        _byEmail.Remove(AccountRules.NormalizeEmail(user.Email));
    }
}
