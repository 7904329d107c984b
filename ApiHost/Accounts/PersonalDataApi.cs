using System.Security.Claims;
using LlmMultiChat.ApiHost.Auth;
using LlmMultiChat.ApiHost.Http;
using LlmMultiChat.Grains.Users;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace LlmMultiChat.ApiHost.Accounts;

/// <summary>
/// The caller's personal data: a copy of everything held about them, and erasure of it. Every role, guests
/// included. Erasure is <see cref="AccountService.EraseAsync"/>, the same path the admin route takes.
/// </summary>
public static class PersonalDataApi
{
    public static IEndpointRouteBuilder MapPersonalDataApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var me = routes.MapGroup("/auth/me").WithTags("Accounts").ProducesProblem(StatusCodes.Status401Unauthorized);
        me.MapGet("/export", Export).WithName("ExportPersonalData")
            .WithSummary("Everything the server holds about the caller, as a JSON download.");
        me.MapDelete("/", Erase).WithName("EraseOwnAccount")
            .WithSummary("Erases the caller's account and everything held about them; their tokens stop working.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    public static async Task<Results<Ok<PersonalDataResponse>, ProblemHttpResult>> Export(
        ClaimsPrincipal caller, PersonalDataExport export, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(context);
        var data = await export.ExportAsync(caller.UserId(), cancellationToken).ConfigureAwait(false);
        if (data is null)
        {
            return ApiProblems.Result(ApiErrors.NotFound, "The account no longer exists.");
        }

        context.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = "llmmultichat-personal-data.json" }.ToString();
        return TypedResults.Ok(data);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Erase(ClaimsPrincipal caller, AccountService accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        // As on the admin route: the server must not be left without the admin who could erase them.
        if (caller.IsAdmin())
        {
            return ApiProblems.Result(ApiErrors.Conflict, "Administrators cannot erase their own account; another administrator can.");
        }

        await accounts.EraseAsync(caller.UserId()).ConfigureAwait(false);
        return TypedResults.NoContent();
    }
}
