using System.Security.Claims;
using System.Text;
using LlmMultiChat.ApiHost.Auth;
using LlmMultiChat.Grains.Users;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Benchmarks.Http;

/// <summary>
/// The baseline the REST figures are compared with: one authenticated minimal-API endpoint and nothing else. It
/// validates the same tokens with the same parameters as ApiHost (its <see cref="AccessTokens"/>), on Kestrel on
/// loopback, but has no session check, no rate limiter, no security headers and no grain behind it.
/// </summary>
internal static class BareApiServer
{
    public const string Mode = "bare-api";
    public const string Path = "/bare";

    public static async Task RunAsync(Uri url, string signingKey)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url.ToString());
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey));
        var tokens = new AccessTokens(Options.Create(new AuthOptions { SigningKey = signingKey }), key, TimeProvider.System);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = tokens.Validation;
        });
        builder.Services.AddAuthorization();

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet(Path, (ClaimsPrincipal user) => TypedResults.Ok(new BareAnswer(user.UserId()))).RequireAuthorization();
        await app.RunAsync();
    }

    private sealed record BareAnswer(string UserId);
}
