using System.Net;
using LlmMultiChat.ApiHost.Hubs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Benchmarks.Hub;

/// <summary>
/// The real ApiHost (its Program, every service and middleware) in this process on Kestrel at a random loopback port.
/// <see cref="ChatHub"/> only names ApiHost's assembly: this project has a Program of its own.
/// </summary>
internal sealed class ApiHostOnKestrel : WebApplicationFactory<ChatHub>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public ApiHostOnKestrel(IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Starts the server and answers where it listens.</summary>
    public Uri Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new Uri(address + "/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // As deployed: Production settings (Microsoft.AspNetCore logs at Warning, not one line per request).
        builder.UseEnvironment(Environments.Production);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
