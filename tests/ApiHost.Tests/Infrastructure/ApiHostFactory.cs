using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace LlmMultiChat.ApiHost.Tests.Infrastructure;

/// <summary>
/// The real ApiHost on a TestServer. Settings go in as host settings, which WebApplicationFactory hands to
/// Program as command-line arguments, so they are visible while Program registers its services.
/// </summary>
internal sealed class ApiHostFactory(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configureServices = null)
    : WebApplicationFactory<Program>
{
    /// <summary>
    /// Settings every test host gets unless the test gives its own: a fixed signing key, cheap password hashes, and
    /// no limits on the anonymous account routes (all of a test's sign-ups come from one address; the rate-limit
    /// tests set the limits they check).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string?> Defaults = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
    {
        ["Auth:SigningKey"] = "test-signing-key-that-is-long-enough-for-hs256",
        ["Auth:PasswordHashIterations"] = "1000",
        ["RateLimits:Register:PermitLimit"] = "0",
        ["RateLimits:Login:PermitLimit"] = "0",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Defaults.Where(d => !settings.ContainsKey(d.Key)).Concat(settings))
        {
            builder.UseSetting(key, value);
        }

        if (configureServices is not null)
        {
            builder.ConfigureTestServices(configureServices);
        }
    }
}
