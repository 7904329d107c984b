using LlmMultiChat.ApiHost.ServiceDefaults;
using LlmMultiChat.Grains;
using LlmMultiChat.Grains.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Silo.Hosting;
using Silo.Storage.Sqlite;

namespace LlmMultiChat.ApiHost.Hosting;

/// <summary>Co-hosts a silo in the web application: grains, streams, the configured storage and its health checks.</summary>
public static class SiloHostingExtensions
{
    private const string ClusterEnabledKey = "Cluster:Enabled";

    /// <summary>
    /// Adds the silo. Reads <c>Storage:Provider</c> (sqlite | memory | postgres), binds <c>Storage:Sqlite</c> to
    /// <see cref="SqliteStorageOptions"/> and <c>Silo</c> to <see cref="SiloOptions"/>, and fails at once, naming the
    /// key, on a value this build cannot honour.
    /// </summary>
    /// <exception cref="InvalidOperationException">The storage or cluster configuration cannot be honoured.</exception>
    public static IServiceCollection AddSiloHosting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        if (configuration.GetValue<bool>(ClusterEnabledKey))
        {
            throw new InvalidOperationException(
                $"{ClusterEnabledKey} is true, but cluster mode is not implemented yet; this build runs a single silo. Remove the setting or set it to false.");
        }

        var provider = StorageProvider(configuration);
        services.AddSingleton(Options.Create(SiloOptionsFrom(configuration)));
        services.AddSilo(silo =>
        {
            silo.AddGrains(typeof(GrainsAssembly).Assembly);
            silo.AddInProcessStreams();
            if (provider == StorageOptions.Sqlite)
            {
                silo.UseSqlite(options => BindStrict(configuration.GetSection(StorageOptions.SqliteSectionName), options));
                services.AddSqliteGrainTables();
            }
            else
            {
                silo.AddMemoryGrainStorage();
            }
        });

        services.AddChatGrains(configuration);
        services.AddHostedService<UpstreamCharacterSeeding>();
        services.AddHealthChecks().AddCheck<SiloHealthCheck>("silo", HealthStatus.Unhealthy, [HealthCheckTags.Ready]);
        services.AddSingleton<IConfigureOptions<HealthCheckServiceOptions>, StorageHealthCheckRegistrations>();
        return services;
    }

    // Bound and checked here rather than when the silo first asks for them, so a bad value stops the program before
    // any hosted service starts (and the error is the same whichever service would have read the options first).
    private static SiloOptions SiloOptionsFrom(IConfiguration configuration)
    {
        var options = new SiloOptions();
        BindStrict(configuration.GetSection(SiloOptions.SectionName), options);
        options.Validate();
        return options;
    }

    // A misspelt key must not fall back silently to a default.
    private static void Strict(BinderOptions options) => options.ErrorOnUnknownConfiguration = true;

    private static void BindStrict(IConfigurationSection section, object options)
    {
        try
        {
            section.Bind(options, Strict);
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"Configuration section {section.Path}: {ex.Message}", ex);
        }
    }

    private static string StorageProvider(IConfiguration configuration)
    {
        var configured = configuration[StorageOptions.ProviderKey];
        var provider = string.IsNullOrWhiteSpace(configured) ? StorageOptions.Sqlite : configured.Trim();
        if (provider.Equals(StorageOptions.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            return StorageOptions.Sqlite;
        }

        if (provider.Equals(StorageOptions.Memory, StringComparison.OrdinalIgnoreCase))
        {
            return StorageOptions.Memory;
        }

        if (provider.Equals(StorageOptions.Postgres, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"{StorageOptions.ProviderKey} is '{configured}', but PostgreSQL storage is not implemented yet (it comes with cluster mode). " +
                $"Set {StorageOptions.ProviderKey} to '{StorageOptions.Sqlite}' (the default) or '{StorageOptions.Memory}'.");
        }

        throw new InvalidOperationException(
            $"{StorageOptions.ProviderKey} is '{configured}', which is not a storage provider. Valid values: " +
            $"'{StorageOptions.Sqlite}' (the default), '{StorageOptions.Memory}', '{StorageOptions.Postgres}' (not implemented yet).");
    }
}
