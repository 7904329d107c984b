using LlmMultiChat.Grains.Knowledge;
using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Memory;
using Microsoft.Extensions.Options;

namespace LlmMultiChat.Grains.Users;

/// <summary>
/// Account operations that span grains: registration (claim the names, then create the account), login by
/// username or email, token routing, and erasing an account with everything it owns and everything kept about it.
/// </summary>
public sealed class AccountService(
    IGrainFactory grains,
    PasswordHashing passwords,
    IOptions<AuthOptions> options,
    IConversationLog log,
    ISessionSummaryStore summaries)
{
    private IUserDirectoryGrain Directory => grains.GetGrain<IUserDirectoryGrain>(IUserDirectoryGrain.Key);

    /// <exception cref="ArgumentException">The username, email or password breaks <see cref="AccountRules"/>.</exception>
    public async Task<RegistrationResult> RegisterAsync(string username, string email, string password)
    {
        AccountRules.Validate(username, email, password);
        var userId = TokenSecrets.NewId();
        var claim = await Directory.Claim(userId, username, email).ConfigureAwait(false);
        if (claim is NameClaim.UsernameTaken or NameClaim.EmailTaken)
        {
            return new RegistrationResult(claim, null);
        }

        string[] roles = claim == NameClaim.ClaimedFirst && options.Value.FirstUserIsAdmin ? [Roles.Admin] : [Roles.User];
        try
        {
            var user = await grains.GetGrain<IUserGrain>(userId).Create(new NewAccount(username, email, password, roles)).ConfigureAwait(false);
            return new RegistrationResult(claim, user);
        }
        catch
        {
            // The names were reserved for an account that was never stored: free them again.
            await Directory.Remove(userId).ConfigureAwait(false);
            throw;
        }
    }

    /// <param name="login">A username or an email address.</param>
    public async Task<SessionResult> LoginAsync(string login, string password)
    {
        var userId = await Directory.Resolve(login).ConfigureAwait(false);
        if (userId is null)
        {
            passwords.VerifyDecoy(password);
            return SessionResult.Failed(SessionOutcome.InvalidCredentials);
        }

        return await grains.GetGrain<IUserGrain>(userId).Login(password).ConfigureAwait(false);
    }

    public async Task<SessionResult> RefreshAsync(string refreshToken) =>
        RefreshToken.TryParse(refreshToken, out var token)
            ? await grains.GetGrain<IUserGrain>(token.UserId).Refresh(token).ConfigureAwait(false)
            : SessionResult.Failed(SessionOutcome.InvalidCredentials);

    /// <summary>Closes the token's session; an unknown or malformed token changes nothing.</summary>
    public Task LogoutAsync(string refreshToken) =>
        RefreshToken.TryParse(refreshToken, out var token)
            ? grains.GetGrain<IUserGrain>(token.UserId).Logout(token)
            : Task.CompletedTask;

    /// <returns>False when the token is malformed, wrong, used or expired.</returns>
    /// <exception cref="ArgumentException">The new password breaks <see cref="AccountRules"/>.</exception>
    public async Task<bool> ResetPasswordAsync(string resetToken, string newPassword)
    {
        var problem = AccountRules.PasswordProblem(newPassword);
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(newPassword));
        }

        var separator = resetToken.IndexOf('.', StringComparison.Ordinal);
        return separator > 0
            && await grains.GetGrain<IUserGrain>(resetToken[..separator]).ResetPassword(resetToken, newPassword).ConfigureAwait(false);
    }

    /// <summary>
    /// Erases an account and what the system holds about it (docs/decisions.md §13): the conversations it owns are
    /// deleted (with their summaries); in every other conversation it said or rated something in (also those it left)
    /// it is redacted; its characters are deleted; every other character forgets its memories of it and its username as
    /// a concept; its mid-term summaries go; then the account, its sessions and its names. Each step can be repeated,
    /// so a failed erase can simply be run again.
    /// </summary>
    public async Task EraseAsync(string userId)
    {
        var user = grains.GetGrain<IUserGrain>(userId);
        var username = (await user.Profile().ConfigureAwait(false))?.Username;
        var conversationIds = (await user.Conversations().ConfigureAwait(false))
            .Union(await log.ConversationsOfAsync(userId, CancellationToken.None).ConfigureAwait(false), StringComparer.Ordinal);
        foreach (var conversationId in conversationIds)
        {
            var conversation = grains.GetGrain<IChatSessionGrain>(conversationId);
            var info = await conversation.Info().ConfigureAwait(false);
            if (info is null)
            {
                continue;
            }

            if (info.OwnerId == userId)
            {
                await conversation.Delete(userId).ConfigureAwait(false);
            }
            else
            {
                await conversation.EraseHuman(userId).ConfigureAwait(false);
            }
        }

        // Documents they added to the knowledge base stay (shared knowledge) but no longer name them.
        foreach (var knowledgeNamespace in await grains.GetGrain<IKnowledgeDirectoryGrain>(IKnowledgeDirectoryGrain.Key).Namespaces().ConfigureAwait(false))
        {
            await grains.GetGrain<IKnowledgeGrain>(knowledgeNamespace).ForgetContributor(userId).ConfigureAwait(false);
        }

        // Every character is asked, not only those the memory table lists: a grain may hold memories not yet written,
        // and the graph's per-user sources and learned names are in each character's state.
        var characters = await grains.GetGrain<ICharacterDirectoryGrain>(ICharacterDirectoryGrain.Key).List(viewerId: null).ConfigureAwait(false);
        foreach (var character in characters)
        {
            var grain = grains.GetGrain<ICharacterGrain>(character.Id);
            if (character.OwnerId == userId)
            {
                await grain.Delete(userId).ConfigureAwait(false);
            }
            else
            {
                await grain.ForgetUser(userId).ConfigureAwait(false);
                // Replies that named the user taught the character their name as a concept.
                if (username is not null)
                {
                    await grain.ForgetConcept(username).ConfigureAwait(false);
                }
            }
        }

        // Summaries they took part in go for everyone: the others' grains must stop recalling them.
        var sharedWith = (await summaries.ForUserAsync(userId, DateTimeOffset.MinValue, CancellationToken.None).ConfigureAwait(false))
            .SelectMany(s => s.UserIds).Where(u => u != userId).Distinct(StringComparer.Ordinal).ToList();
        await summaries.EraseUserAsync(userId, CancellationToken.None).ConfigureAwait(false);
        foreach (var other in sharedWith)
        {
            await grains.GetGrain<IUserGrain>(other).SessionsChanged().ConfigureAwait(false);
        }

        await user.Delete().ConfigureAwait(false);
    }
}
