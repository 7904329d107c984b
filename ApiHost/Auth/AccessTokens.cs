using System.Security.Claims;
using LlmMultiChat.Grains.Users;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LlmMultiChat.ApiHost.Auth;

/// <summary>Issues access tokens (HS256 JWTs of type at+jwt) for open sessions, and the parameters that validate them.</summary>
public sealed class AccessTokens
{
    public const string TokenType = "at+jwt";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly AuthOptions _options;
    private readonly SigningCredentials _credentials;
    private readonly TimeProvider _time;

    public AccessTokens(IOptions<AuthOptions> options, SymmetricSecurityKey key, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _credentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256);
        _time = time;
        Validation = new TokenValidationParameters
        {
            ValidIssuer = _options.Issuer,
            ValidAudience = _options.Audience,
            IssuerSigningKey = key,
            // Pinned: a token claiming "none" or any other algorithm is refused before its signature is looked at.
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidTypes = [TokenType],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            LifetimeValidator = ValidateLifetime,
            NameClaimType = AuthClaims.Name,
            RoleClaimType = AuthClaims.Role,
        };
    }

    public TokenValidationParameters Validation { get; }

    public TimeSpan Lifetime => TimeSpan.FromMinutes(_options.AccessTokenMinutes);

    public string Issue(OpenSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var now = _time.GetUtcNow().UtcDateTime;
        var claims = new List<Claim>
        {
            new(AuthClaims.Subject, session.User.Id),
            new(AuthClaims.Name, session.User.Username),
            new(AuthClaims.Session, session.SessionId),
            new(AuthClaims.SecurityStamp, session.SecurityStamp),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
        };
        claims.AddRange(session.User.Roles.Select(role => new Claim(AuthClaims.Role, role)));
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            TokenType = TokenType,
            SigningCredentials = _credentials,
        });
    }

    // The library's own check reads the system clock; this one reads the host's TimeProvider, so tests can age tokens.
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return expires is { } end && now < end + parameters.ClockSkew
            && (notBefore is not { } start || now >= start - parameters.ClockSkew);
    }
}
