using LlmMultiChat.ApiHost.Characters;
using LlmMultiChat.ApiHost.Conversations;
using LlmMultiChat.Grains.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace LlmMultiChat.ApiHost.Auth;

/// <summary>JWT bearer authentication checked against the account on every request, and the role policies.</summary>
public static class AuthenticationSetup
{
    /// <summary>Where SignalR clients connect; browsers cannot set headers on WebSockets, so the token comes in the query.</summary>
    public const string HubsPath = "/hubs";

    public static IServiceCollection AddApiAuthentication(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(provider => SigningKey.Load(
            provider.GetRequiredService<IOptions<AuthOptions>>().Value,
            provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SigningKey).FullName!)));
        services.AddSingleton<AccessTokens>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<AccessTokens>((options, tokens) =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = tokens.Validation;
                options.Events = new JwtBearerEvents
                {
                    OnMessageReceived = ReadHubToken,
                    OnTokenValidated = CheckSessionAsync,
                };
            })
            // Loads (or generates) the signing key at startup, so a bad key stops the host before it serves anyone.
            .ValidateOnStart();
        services.AddAuthorization(Policies.Add);
        services.AddSingleton<IAuthorizationHandler, ConversationAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, CharacterAuthorizationHandler>();
        return services;
    }

    private static Task ReadHubToken(MessageReceivedContext context)
    {
        if (context.HttpContext.Request.Path.StartsWithSegments(HubsPath)
            && context.Request.Query["access_token"] is [{ Length: > 0 } token])
        {
            context.Token = token;
        }

        return Task.CompletedTask;
    }

    /// <summary>A token outlives nothing it was issued for: a closed session, a changed password or role, a deactivated account.</summary>
    private static async Task CheckSessionAsync(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        var userId = principal.FindFirst(AuthClaims.Subject)?.Value;
        var session = principal.FindFirst(AuthClaims.Session)?.Value;
        var stamp = principal.FindFirst(AuthClaims.SecurityStamp)?.Value;
        if (userId is null || session is null || stamp is null)
        {
            context.Fail(new SecurityTokenValidationException("The token lacks its session claims."));
            return;
        }

        var grains = context.HttpContext.RequestServices.GetRequiredService<IGrainFactory>();
        if (!await grains.GetGrain<IUserGrain>(userId).IsSessionValid(stamp, session).ConfigureAwait(false))
        {
            context.Fail(new SecurityTokenValidationException("The token's session has ended."));
        }
    }
}
