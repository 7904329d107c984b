using System.Numerics.Tensors;
using LlmMultiChat.Grains.Memory;
using LlmMultiChat.Grains.Style;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LlmMultiChat.Grains.Users;

/// <summary>
/// One account. Password checks run inside the grain's turn, so concurrent guesses against one account are
/// counted one after another and the lockout cannot be outrun. The dialogue style is a state of its own: it
/// changes with what the user says in any conversation, and a write of six numbers stays cheap.
/// </summary>
public sealed class UserGrain(
    [PersistentState("user")] IPersistentState<UserState> state,
    [PersistentState("style")] IPersistentState<DialogueStyle> style,
    [PersistentState("interests")] IPersistentState<InterestState> interests,
    DialogueStyleAdapter styles,
    ISessionSummaryStore summaries,
    MidTermMemoryOptions midTerm,
    LongTermMemoryOptions longTerm,
    PasswordHashing passwords,
    IOptions<AuthOptions> authOptions,
    IOptions<QuotaOptions> quotaOptions,
    TimeProvider time) : Grain, IUserGrain
{
    private readonly AuthOptions _auth = authOptions.Value;
    private WriteBehindQueue? _writeQueue;
    private Task<List<SessionSummary>>? _sessions;

    private string Id => GetPrimaryKeyString();

    private IUserDirectoryGrain Directory => GrainFactory.GetGrain<IUserDirectoryGrain>(IUserDirectoryGrain.Key);

    public async Task<UserProfile> Create(NewAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        AccountRules.Validate(account.Username, account.Email, account.Password);
        ValidateRoles(account.Roles);
        if (state.State.Exists)
        {
            throw new InvalidOperationException($"Account {Id} already exists.");
        }

        await state.ReplaceStateAsync(new UserState
        {
            Exists = true,
            Username = account.Username,
            Email = AccountRules.NormalizeEmail(account.Email),
            PasswordHash = passwords.Hash(account.Password),
            Roles = [.. account.Roles.Distinct(StringComparer.Ordinal)],
            IsActive = true,
            CreatedAt = time.GetUtcNow(),
            SecurityStamp = TokenSecrets.NewId(),
        });
        await Directory.Upsert(ToProfile().ToSummary());
        return ToProfile();
    }

    public Task<UserProfile?> Profile() => Task.FromResult(state.State.Exists ? ToProfile() : null);

    public async Task<SessionResult> Login(string password)
    {
        var check = await CheckPasswordAsync(password);
        if (check is not null)
        {
            return check;
        }

        if (!state.State.IsActive)
        {
            return SessionResult.Failed(SessionOutcome.Inactive);
        }

        var next = state.State.Copy();
        next.LastLoginAt = time.GetUtcNow();
        var (session, token) = OpenSession(next);
        await state.ReplaceStateAsync(next);
        return Opened(session, token);
    }

    public async Task<SessionResult> Refresh(RefreshToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var now = time.GetUtcNow();
        var session = state.State.Sessions.Find(s => s.Id == token.SessionId);
        if (!state.State.Exists || token.UserId != Id || session is null)
        {
            return SessionResult.Failed(SessionOutcome.InvalidCredentials);
        }

        if (!session.IsOpen(now))
        {
            return SessionResult.Failed(SessionOutcome.SessionClosed);
        }

        if (token.Generation < session.Generation)
        {
            // Only this session's tokens name it, so an older generation is a rotated token in someone's hands.
            await ChangeSessionsAsync(sessions => Revoke(sessions, s => s.Id == session.Id, now));
            return SessionResult.Failed(SessionOutcome.TokenReused);
        }

        if (token.Generation != session.Generation || !TokenSecrets.Matches(token.Value, session.TokenHash))
        {
            return SessionResult.Failed(SessionOutcome.InvalidCredentials);
        }

        if (!state.State.IsActive)
        {
            return SessionResult.Failed(SessionOutcome.Inactive);
        }

        var next = state.State.Copy();
        var secret = TokenSecrets.New();
        var raw = RefreshToken.Format(Id, session.Id, session.Generation + 1, secret);
        var rotated = session with { Generation = session.Generation + 1, TokenHash = TokenSecrets.Hash(raw), ExpiresAt = now.AddDays(_auth.RefreshTokenDays) };
        next.Sessions[next.Sessions.IndexOf(session)] = rotated;
        await state.ReplaceStateAsync(next);
        return Opened(rotated, raw);
    }

    public async Task Logout(RefreshToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var now = time.GetUtcNow();
        if (token.UserId == Id && state.State.Sessions.Exists(s => s.Id == token.SessionId && s.RevokedAt is null))
        {
            await ChangeSessionsAsync(sessions => Revoke(sessions, s => s.Id == token.SessionId, now));
        }
    }

    public Task<bool> IsSessionValid(string securityStamp, string sessionId)
    {
        var user = state.State;
        var now = time.GetUtcNow();
        return Task.FromResult(
            user.Exists && user.IsActive
            && string.Equals(user.SecurityStamp, securityStamp, StringComparison.Ordinal)
            && user.Sessions.Exists(s => s.Id == sessionId && s.IsOpen(now)));
    }

    public async Task<SessionResult> ChangePassword(string currentPassword, string newPassword)
    {
        var problem = AccountRules.PasswordProblem(newPassword);
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(newPassword));
        }

        var check = await CheckPasswordAsync(currentPassword);
        if (check is not null)
        {
            return check;
        }

        var now = time.GetUtcNow();
        var next = state.State.Copy();
        next.PasswordHash = passwords.Hash(newPassword);
        Revoke(next.Sessions, _ => true, now);
        var (session, token) = OpenSession(next);
        await state.ReplaceStateAsync(next);
        return Opened(session, token);
    }

    public async Task<IssuedToken> CreatePasswordResetToken()
    {
        RequireExists();
        var token = string.Concat(Id, ".", TokenSecrets.New());
        var expiresAt = time.GetUtcNow().AddMinutes(_auth.PasswordResetMinutes);
        var next = state.State.Copy();
        next.ResetTokenHash = TokenSecrets.Hash(token);
        next.ResetTokenExpiresAt = expiresAt;
        await state.ReplaceStateAsync(next);
        return new IssuedToken(token, expiresAt);
    }

    public async Task<bool> ResetPassword(string resetSecret, string newPassword)
    {
        var problem = AccountRules.PasswordProblem(newPassword);
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(newPassword));
        }

        var user = state.State;
        var now = time.GetUtcNow();
        if (!user.Exists || user.ResetTokenHash is null || user.ResetTokenExpiresAt <= now || !TokenSecrets.Matches(resetSecret, user.ResetTokenHash))
        {
            return false;
        }

        var next = user.Copy();
        next.PasswordHash = passwords.Hash(newPassword);
        next.ResetTokenHash = null;
        next.ResetTokenExpiresAt = null;
        next.FailedLogins = 0;
        next.LockedUntil = null;
        Revoke(next.Sessions, _ => true, now);
        await state.ReplaceStateAsync(next);
        return true;
    }

    public async Task<UserProfile> Update(AccountUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        RequireExists();
        if (update.Roles is not null)
        {
            ValidateRoles(update.Roles);
        }

        var next = state.State.Copy();
        var rolesChanged = update.Roles is not null && !update.Roles.Order(StringComparer.Ordinal).SequenceEqual(next.Roles.Order(StringComparer.Ordinal));
        var activityChanged = update.IsActive is { } active && active != next.IsActive;
        if (rolesChanged)
        {
            next.Roles = [.. update.Roles!.Distinct(StringComparer.Ordinal)];
        }

        if (activityChanged)
        {
            next.IsActive = update.IsActive!.Value;
            if (!next.IsActive)
            {
                Revoke(next.Sessions, _ => true, time.GetUtcNow());
            }
        }

        if (rolesChanged)
        {
            // Access tokens carry roles; a new stamp stops them while the sessions stay open, so clients refresh
            // and pick up the change. (Deactivation closes the sessions themselves.)
            next.SecurityStamp = TokenSecrets.NewId();
        }

        if (update.ClearQuotaOverride)
        {
            next.DailyTokenQuotaOverride = null;
        }
        else if (update.DailyTokenQuota is { } quota)
        {
            next.DailyTokenQuotaOverride = quota;
        }

        await state.ReplaceStateAsync(next);
        await Directory.Upsert(ToProfile().ToSummary());
        return ToProfile();
    }

    public Task<QuotaStatus> Quota()
    {
        RequireExists();
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var used = state.State.UsageDay == today ? state.State.TokensUsed : 0;
        var limit = state.State.DailyTokenQuotaOverride is { } own
            ? own < 0 ? (long?)null : own
            : quotaOptions.Value.LimitFor(state.State.Roles);
        var resetsAt = new DateTimeOffset(today.AddDays(1), TimeOnly.MinValue, TimeSpan.Zero);
        return Task.FromResult(new QuotaStatus(limit, used, resetsAt));
    }

    public async Task RecordTokenUsage(long tokens)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tokens);
        if (!state.State.Exists || tokens == 0)
        {
            return;
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var next = state.State.Copy();
        next.TokensUsed = next.UsageDay == today ? next.TokensUsed + tokens : tokens;
        next.UsageDay = today;
        await state.ReplaceStateAsync(next);
    }

    public async Task JoinedConversation(string conversationId)
    {
        if (state.State.Exists && !state.State.ConversationIds.Contains(conversationId))
        {
            var next = state.State.Copy();
            next.ConversationIds.Insert(0, conversationId);
            await state.ReplaceStateAsync(next);
        }
    }

    public async Task LeftConversation(string conversationId)
    {
        if (state.State.Exists && state.State.ConversationIds.Contains(conversationId))
        {
            var next = state.State.Copy();
            next.ConversationIds.Remove(conversationId);
            await state.ReplaceStateAsync(next);
        }
    }

    public Task<IReadOnlyList<string>> Conversations() => Task.FromResult<IReadOnlyList<string>>([.. state.State.ConversationIds]);

    public Task<DialogueStyleView> AdaptStyle(string message)
    {
        var current = style.State;
        var next = state.State.Exists ? styles.Adapt(current, message ?? string.Empty) : current;
        if (next != current)
        {
            style.State = next;
            WriteStyleBehind();
        }

        return Task.FromResult(StyleView(next));
    }

    public Task<DialogueStyleView> Style() => Task.FromResult(StyleView(style.State));

    public Task NoteInterests(IReadOnlyList<string> concepts, IReadOnlyList<string> characterIds)
    {
        ArgumentNullException.ThrowIfNull(concepts);
        ArgumentNullException.ThrowIfNull(characterIds);
        if (!state.State.Exists || (concepts.Count == 0 && characterIds.Count == 0))
        {
            return Task.CompletedTask;
        }

        var profile = interests.State;
        foreach (var topic in concepts.Distinct(StringComparer.Ordinal))
        {
            profile.Topics[topic] = profile.Topics.GetValueOrDefault(topic) + 1;
        }

        foreach (var characterId in characterIds.Distinct(StringComparer.Ordinal))
        {
            profile.Characters[characterId] = profile.Characters.GetValueOrDefault(characterId) + 1;
        }

        // The least mentioned (the newest of them: counts tie) go first, so a long-held interest is not pushed out by one-offs.
        foreach (var topic in profile.Topics.OrderBy(t => t.Value).Take(Math.Max(0, profile.Topics.Count - longTerm.ProfileTopics)).Select(t => t.Key).ToList())
        {
            profile.Topics.Remove(topic);
        }

        Writes.EnqueueOnce("interests", () => interests.WriteStateAsync(CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task<InterestProfile> Interests()
    {
        var profile = interests.State;
        return Task.FromResult(new InterestProfile(
            profile.Topics.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).ToDictionary(),
            profile.Characters.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).ToDictionary()));
    }

    public async Task<UserRecollection> Recollect(float[] query, string model, int sessions)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(sessions);
        var topInterests = interests.State.Topics.Where(t => t.Value >= longTerm.InterestMinMentions)
            .OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal)
            .Take(longTerm.InterestsInPrompt).Select(t => t.Key).ToList();
        var recalled = sessions == 0 ? [] : RankSessions(await SessionsAsync(), query, model, sessions);
        return new UserRecollection(StyleView(style.State), topInterests, recalled);
    }

    public Task SessionsChanged()
    {
        _sessions = null;
        return Task.CompletedTask;
    }

    public async Task<bool> ForgetSession(string summaryId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(summaryId);
        _sessions = null;
        return await summaries.ForgetAsync(summaryId, Id, CancellationToken.None);
    }

    public async Task Delete()
    {
        if (!state.State.Exists)
        {
            return;
        }

        await Writes.DrainAsync();
        _sessions = null;
        await interests.ClearStateAsync();
        await style.ClearStateAsync();
        await state.ClearStateAsync();
        await Directory.Remove(Id);
        DeactivateOnIdle();
    }

    /// <summary>
    /// Writes the style after the call that changed it has returned, so a conversation never waits on the disk before
    /// its reply. One write at a time, each carrying the newest style, so changes that arrive while one is queued
    /// share it. Background work keeps the activation alive until it is stored; a failed write is logged by the
    /// runtime, and the next change writes the whole style again.
    /// </summary>
    private void WriteStyleBehind() => Writes.EnqueueOnce("style", () => style.WriteStateAsync(CancellationToken.None));

    private WriteBehindQueue Writes => _writeQueue ??= new WriteBehindQueue(RunInBackground);

    /// <summary>The user's summaries within retention, read once and kept until they change (<see cref="SessionsChanged"/>); shared as a task because recalls interleave.</summary>
    private Task<List<SessionSummary>> SessionsAsync() =>
        _sessions ??= LoadSessionsAsync();

    private async Task<List<SessionSummary>> LoadSessionsAsync()
    {
        try
        {
            return [.. await summaries.ForUserAsync(Id, time.GetUtcNow() - midTerm.Retention, CancellationToken.None)];
        }
        catch
        {
            _sessions = null; // a failed read is tried again by the next recall
            throw;
        }
    }

    private List<RecalledSession> RankSessions(List<SessionSummary> all, float[] query, string model, int count)
    {
        var now = time.GetUtcNow();
        return
        [
            .. all.Where(s => s.Model == model && s.Vector.Length == query.Length && now - s.CreatedAt < midTerm.Retention)
                .Select(s => (Summary: s, Relevance: (double)TensorPrimitives.Dot(s.Vector, query)))
                .Where(r => r.Relevance >= midTerm.MinRelevance)
                .Select(r => new RecalledSession(
                    r.Summary.Id, r.Summary.ConversationId, r.Summary.Text, r.Summary.Keywords, Math.Round(r.Relevance, 4),
                    Math.Round((midTerm.RelevanceWeight * r.Relevance) + (midTerm.RecencyWeight * Math.Pow(0.5, (now - r.Summary.CreatedAt) / midTerm.RecencyHalfLife)), 4),
                    r.Summary.CreatedAt))
                .OrderByDescending(r => r.Score)
                .Take(count),
        ];
    }

    private DialogueStyleView StyleView(DialogueStyle current) => new(
        current.Formality,
        current.Verbosity,
        current.Humor,
        current.TechnicalLevel,
        current.Empathy,
        current.Proactivity,
        styles.PromptLines(current));

    /// <summary>Null when the password is right and the account not locked; otherwise the failure to return.</summary>
    private async Task<SessionResult?> CheckPasswordAsync(string password)
    {
        var user = state.State;
        if (!user.Exists)
        {
            passwords.VerifyDecoy(password ?? string.Empty);
            return SessionResult.Failed(SessionOutcome.InvalidCredentials);
        }

        var now = time.GetUtcNow();
        if (user.LockedUntil > now)
        {
            return new SessionResult(SessionOutcome.LockedOut, LockedUntil: user.LockedUntil);
        }

        var next = user.Copy();
        var verdict = string.IsNullOrEmpty(password) ? PasswordVerificationResult.Failed : passwords.Verify(user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            next.FailedLogins++;
            if (next.FailedLogins >= _auth.MaxFailedLogins)
            {
                next.FailedLogins = 0;
                next.LockedUntil = now.AddMinutes(_auth.LockoutMinutes);
            }

            await state.ReplaceStateAsync(next);
            return next.LockedUntil > now
                ? new SessionResult(SessionOutcome.LockedOut, LockedUntil: next.LockedUntil)
                : SessionResult.Failed(SessionOutcome.InvalidCredentials);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            next.PasswordHash = passwords.Hash(password);
        }

        if (next.FailedLogins != 0 || next.LockedUntil is not null || verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            next.FailedLogins = 0;
            next.LockedUntil = null;
            await state.ReplaceStateAsync(next);
        }

        return null;
    }

    /// <summary>Adds a session to <paramref name="next"/>, closing the oldest open ones beyond the limit and dropping long-dead ones.</summary>
    private (SessionRecord Session, string Token) OpenSession(UserState next)
    {
        var now = time.GetUtcNow();
        var sessionId = TokenSecrets.NewId();
        var raw = RefreshToken.Format(Id, sessionId, 1, TokenSecrets.New());
        var session = new SessionRecord(sessionId, 1, TokenSecrets.Hash(raw), now, now.AddDays(_auth.RefreshTokenDays));

        // Closed sessions are kept a while so a late rotated token is still recognised, then forgotten.
        var forgetBefore = now.AddDays(-_auth.RefreshTokenDays);
        next.Sessions.RemoveAll(s => (s.RevokedAt ?? s.ExpiresAt) < forgetBefore);
        var open = next.Sessions.Where(s => s.IsOpen(now)).OrderBy(s => s.CreatedAt).ToList();
        var excess = open.Count + 1 - _auth.MaxSessionsPerUser;
        if (excess > 0)
        {
            var oldest = open.Take(excess).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            Revoke(next.Sessions, s => oldest.Contains(s.Id), now);
        }

        next.Sessions.Add(session);
        return (session, raw);
    }

    private SessionResult Opened(SessionRecord session, string token) =>
        new(SessionOutcome.Opened, new OpenSession(ToProfile(), session.Id, state.State.SecurityStamp, new IssuedToken(token, session.ExpiresAt)));

    private async Task ChangeSessionsAsync(Action<List<SessionRecord>> change)
    {
        var next = state.State.Copy();
        change(next.Sessions);
        await state.ReplaceStateAsync(next);
    }

    private static void Revoke(List<SessionRecord> sessions, Predicate<SessionRecord> which, DateTimeOffset now)
    {
        for (var i = 0; i < sessions.Count; i++)
        {
            if (sessions[i].RevokedAt is null && which(sessions[i]))
            {
                sessions[i] = sessions[i] with { RevokedAt = now };
            }
        }
    }

    private static void ValidateRoles(IReadOnlyList<string> roles)
    {
        if (roles.Count == 0 || roles.Any(r => !Roles.IsKnown(r)))
        {
            throw new ArgumentException($"Give one or more roles of: {string.Join(", ", Roles.All)}.", nameof(roles));
        }
    }

    private void RequireExists()
    {
        if (!state.State.Exists)
        {
            throw new KeyNotFoundException($"Account {Id} does not exist.");
        }
    }

    private UserProfile ToProfile()
    {
        var user = state.State;
        return new UserProfile(Id, user.Username, user.Email, [.. user.Roles], user.IsActive, user.CreatedAt, user.LastLoginAt, user.DailyTokenQuotaOverride);
    }
}
