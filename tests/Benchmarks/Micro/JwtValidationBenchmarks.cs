using System.Text;
using BenchmarkDotNet.Attributes;
using LlmMultiChat.ApiHost.Auth;
using LlmMultiChat.Grains.Users;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Benchmarks.Micro;

/// <summary>
/// Validating one access token as ApiHost's JwtBearer handler does: the same handler type and the same parameters
/// (<see cref="AccessTokens.Validation"/>: HS256 pinned, at+jwt, issuer, audience, lifetime on the host clock).
/// Issuing one is measured alongside for scale. The session check that follows validation is one grain call
/// (§1.2 of docs/benchmarks.md) and is not part of these figures.
/// </summary>
[MemoryDiagnoser]
public class JwtValidationBenchmarks
{
    private readonly JsonWebTokenHandler _handler = new();
    private AccessTokens _tokens = null!;
    private OpenSession _session = null!;
    private string[] _issued = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        const string signingKey = "benchmark-signing-key-that-is-long-enough-for-hs256";
        _tokens = new AccessTokens(
            Options.Create(new AuthOptions { SigningKey = signingKey }), new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), TimeProvider.System);
        var user = new UserProfile("u-0196a1b2c3d4", "lumina-fan", "fan@example.com", [Roles.User], IsActive: true, TimeProvider.System.GetUtcNow(), null, null);
        _session = new OpenSession(user, "s-4f1e2d3c", "stamp-8a7b6c5d", new IssuedToken("refresh", TimeProvider.System.GetUtcNow().AddDays(30)));
        // Distinct tokens (each has its own jti), so nothing the library might remember of one token helps the next.
        _issued = [.. Enumerable.Range(0, 1024).Select(_ => _tokens.Issue(_session))];
        if (!Enumerable.Range(0, _issued.Length).All(_ => Validate().GetAwaiter().GetResult()))
        {
            throw new InvalidOperationException("A benchmark token does not validate; the figures would be meaningless.");
        }
    }

    [Benchmark(Baseline = true)]
    public async Task<bool> Validate() => (await _handler.ValidateTokenAsync(_issued[_next++ & 1023], _tokens.Validation)).IsValid;

    [Benchmark]
    public string Issue() => _tokens.Issue(_session);
}
