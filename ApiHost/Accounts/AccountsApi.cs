using System.Security.Claims;
using LlmMultiChat.ApiHost.Auth;
using LlmMultiChat.ApiHost.Http;
using LlmMultiChat.ApiHost.RateLimiting;
using LlmMultiChat.Grains.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmMultiChat.ApiHost.Accounts;

/// <summary>
/// Accounts and sessions: register, log in, refresh, log out, the caller's profile and quota, password change
/// and reset. Login failures never say whether the account exists or which part was wrong.
/// </summary>
public static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var auth = routes.MapGroup("/auth").WithTags("Accounts");
        auth.MapPost("/register", Register).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Register)
            .WithSummary("Creates an account (the first one becomes admin).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/login", Login).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Login)
            .WithSummary("Logs in with a username or email and a password; returns an access and a refresh token.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/refresh", Refresh).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Refresh)
            .WithSummary("Exchanges a refresh token for a new token pair; the old refresh token stops working.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/logout", Logout).AllowAnonymous()
            .WithSummary("Ends the refresh token's session; its access tokens stop working too.");
        auth.MapGet("/me", Me)
            .WithSummary("The caller's account, roles and today's token quota.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapPost("/change-password", ChangePassword).RequireRateLimiting(RateLimitPolicies.ChangePassword)
            .WithSummary("Changes the password, ends every other session and returns a new token pair.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapPost("/reset-password", ResetPassword).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Login)
            .WithSummary("Sets a new password with a one-time token from an administrator.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return routes;
    }

    public static async Task<Results<Created<UserResponse>, ProblemHttpResult>> Register(RegisterRequest request, AccountService accounts)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(accounts);
        new FieldErrors()
            .Check("username", AccountRules.UsernameProblem(request.Username))
            .Check("email", AccountRules.EmailProblem(request.Email))
            .Check("password", AccountRules.PasswordProblem(request.Password))
            .ThrowIfAny();
        var result = await accounts.RegisterAsync(request.Username, request.Email, request.Password).ConfigureAwait(false);
        return result.Claim switch
        {
            NameClaim.UsernameTaken => ApiProblems.Result(ApiErrors.Conflict, "This username is taken."),
            NameClaim.EmailTaken => ApiProblems.Result(ApiErrors.Conflict, "An account with this email exists."),
            _ => TypedResults.Created("/api/v1/auth/me", UserResponse.From(result.User!)),
        };
    }

    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Login(LoginRequest request, AccountService accounts, AccessTokens tokens)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(accounts);
        var result = await accounts.LoginAsync(request.Login, request.Password).ConfigureAwait(false);
        return result.Outcome switch
        {
            SessionOutcome.Opened => TypedResults.Ok(Tokens(result.Session!, tokens)),
            SessionOutcome.Inactive => ApiProblems.Result(ApiErrors.AccountInactive),
            // Locked or wrong: the same answer, so a guesser learns nothing about the account.
            _ => ApiProblems.Result(ApiErrors.InvalidCredentials),
        };
    }

    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Refresh(RefreshRequest request, AccountService accounts, AccessTokens tokens)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(accounts);
        var result = await accounts.RefreshAsync(request.RefreshToken).ConfigureAwait(false);
        return result.Outcome switch
        {
            SessionOutcome.Opened => TypedResults.Ok(Tokens(result.Session!, tokens)),
            SessionOutcome.TokenReused => ApiProblems.Result(ApiErrors.RefreshTokenReused),
            SessionOutcome.Inactive => ApiProblems.Result(ApiErrors.AccountInactive),
            _ => ApiProblems.Result(ApiErrors.InvalidRefreshToken),
        };
    }

    public static async Task<NoContent> Logout(RefreshRequest request, AccountService accounts)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(accounts);
        await accounts.LogoutAsync(request.RefreshToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> Me(ClaimsPrincipal caller, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var user = grains.GetGrain<IUserGrain>(caller.UserId());
        var profile = await user.Profile().ConfigureAwait(false);
        if (profile is null)
        {
            return ApiProblems.Result(ApiErrors.NotFound, "The account no longer exists.");
        }

        var quota = await user.Quota().ConfigureAwait(false);
        var style = await user.Style().ConfigureAwait(false);
        return TypedResults.Ok(new MeResponse(UserResponse.From(profile), QuotaResponse.From(quota), DialogueStyleResponse.From(style)));
    }

    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> ChangePassword(
        ChangePasswordRequest request, ClaimsPrincipal caller, IGrainFactory grains, AccessTokens tokens)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(grains);
        new FieldErrors().Check("newPassword", AccountRules.PasswordProblem(request.NewPassword)).ThrowIfAny();
        var result = await grains.GetGrain<IUserGrain>(caller.UserId()).ChangePassword(request.CurrentPassword, request.NewPassword).ConfigureAwait(false);
        return result.Outcome switch
        {
            SessionOutcome.Opened => TypedResults.Ok(Tokens(result.Session!, tokens)),
            SessionOutcome.LockedOut => ApiProblems.Result(ApiErrors.WrongCurrentPassword, "Too many wrong attempts; try again later."),
            _ => ApiProblems.Result(ApiErrors.WrongCurrentPassword),
        };
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> ResetPassword(ResetPasswordRequest request, AccountService accounts)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(accounts);
        new FieldErrors().Check("newPassword", AccountRules.PasswordProblem(request.NewPassword)).ThrowIfAny();
        return await accounts.ResetPasswordAsync(request.Token, request.NewPassword).ConfigureAwait(false)
            ? TypedResults.NoContent()
            : ApiProblems.Result(ApiErrors.InvalidResetToken);
    }

    private static TokenResponse Tokens(OpenSession session, AccessTokens tokens) => new(
        tokens.Issue(session),
        session.RefreshToken.Token,
        "Bearer",
        (int)tokens.Lifetime.TotalSeconds,
        session.RefreshToken.ExpiresAt,
        UserResponse.From(session.User));
}
