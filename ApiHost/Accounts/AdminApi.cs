using System.Security.Claims;
using LlmMultiChat.ApiHost.Auth;
using LlmMultiChat.ApiHost.Http;
using LlmMultiChat.Grains.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmMultiChat.ApiHost.Accounts;

/// <summary>Account administration (admins only): list, change roles/activity/quota, erase, and issue reset tokens.</summary>
public static class AdminApi
{
    public const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var admin = routes.MapGroup("/admin/users").WithTags("Administration").RequireAuthorization(Policies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        admin.MapGet("/", List).WithSummary("Lists accounts in creation order.");
        admin.MapPatch("/{id}", Update).WithSummary("Changes an account's roles, activity or daily token quota.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapDelete("/{id}", Erase).WithSummary("Erases an account and everything it owns.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPost("/{id}/reset-token", CreateResetToken).WithSummary("Issues a one-time password-reset token for the account (there is no mail server).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    public static async Task<Ok<UserListResponse>> List(IGrainFactory grains, int offset = 0, int limit = 50)
    {
        ArgumentNullException.ThrowIfNull(grains);
        new FieldErrors()
            .Check("offset", offset < 0 ? "offset must be 0 or more." : null)
            .Check("limit", limit is < 1 or > MaxPageSize ? $"limit must be between 1 and {MaxPageSize}." : null)
            .ThrowIfAny();
        var page = await grains.GetGrain<IUserDirectoryGrain>(IUserDirectoryGrain.Key).List(offset, limit).ConfigureAwait(false);
        return TypedResults.Ok(new UserListResponse([.. page.Users.Select(UserListItem.From)], page.Total, offset, limit));
    }

    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> Update(string id, UpdateUserRequest request, ClaimsPrincipal caller, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(grains);
        new FieldErrors()
            .Check("roles", request.Roles is { } roles && (roles.Length == 0 || roles.Any(r => !Roles.IsKnown(r))) ? $"Give one or more roles of: {string.Join(", ", Roles.All)}." : null)
            .Check("dailyTokenQuota", request.DailyTokenQuota < -1 ? "dailyTokenQuota is a number of tokens, or -1 for unlimited." : null)
            .ThrowIfAny();
        if (id == caller.UserId() && (request.IsActive == false || request.Roles is { } own && !own.Contains(Roles.Admin)))
        {
            return ApiProblems.Result(ApiErrors.Conflict, "Administrators cannot deactivate themselves or drop their own admin role.");
        }

        var user = grains.GetGrain<IUserGrain>(id);
        if (await user.Profile().ConfigureAwait(false) is null)
        {
            return ApiProblems.Result(ApiErrors.NotFound, "No such account.");
        }

        var updated = await user.Update(new AccountUpdate(request.Roles, request.IsActive, request.DailyTokenQuota, request.ClearQuotaOverride ?? false)).ConfigureAwait(false);
        return TypedResults.Ok(UserResponse.From(updated));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Erase(string id, ClaimsPrincipal caller, IGrainFactory grains, AccountService accounts)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(accounts);
        if (id == caller.UserId())
        {
            return ApiProblems.Result(ApiErrors.Conflict, "Administrators cannot erase their own account.");
        }

        if (await grains.GetGrain<IUserGrain>(id).Profile().ConfigureAwait(false) is null)
        {
            return ApiProblems.Result(ApiErrors.NotFound, "No such account.");
        }

        await accounts.EraseAsync(id).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<ResetTokenResponse>, ProblemHttpResult>> CreateResetToken(string id, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var user = grains.GetGrain<IUserGrain>(id);
        if (await user.Profile().ConfigureAwait(false) is null)
        {
            return ApiProblems.Result(ApiErrors.NotFound, "No such account.");
        }

        var token = await user.CreatePasswordResetToken().ConfigureAwait(false);
        return TypedResults.Ok(new ResetTokenResponse(token.Token, token.ExpiresAt));
    }
}
