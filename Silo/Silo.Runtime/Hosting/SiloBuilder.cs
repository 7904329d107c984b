using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Silo.Filters;
using Silo.Reminders;
using Silo.Storage;
using Silo.Storage.Sqlite;
using Silo.Streams;

namespace Silo.Hosting;

/// <summary>Configures a silo: its grain classes, storage, reminders, streams, filters and options.</summary>
public sealed class SiloBuilder
{
    internal SiloBuilder(IServiceCollection services)
    {
        Services = services;
    }

    public IServiceCollection Services { get; }

    public SiloBuilder AddGrain<TGrain>()
        where TGrain : Grain
    {
        Services.AddSiloGrain<TGrain>();
        return this;
    }

    /// <summary>Adds every concrete grain class of an assembly.</summary>
    public SiloBuilder AddGrains(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        foreach (var type in assembly.GetTypes().Where(t => typeof(Grain).IsAssignableFrom(t) && t is { IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            Services.AddSingleton(new GrainClass(type));
        }

        return this;
    }

    public SiloBuilder Configure(Action<SiloOptions> configure)
    {
        Services.Configure(configure);
        return this;
    }

    /// <summary>Keeps grain state in memory (tests and development).</summary>
    public SiloBuilder AddMemoryGrainStorage(string name = SiloProviderNames.Default)
    {
        Services.AddKeyedSingleton<IGrainStorage>(name, (sp, _) => new MemoryGrainStorage(sp.GetRequiredService<GrainStateSerializer>()));
        return this;
    }

    /// <summary>
    /// Uses one SQLite file for grain state (as storage <paramref name="name"/>) and for reminders, so both
    /// survive restarts.
    /// </summary>
    public SiloBuilder UseSqlite(Action<SqliteStorageOptions> configure, string name = SiloProviderNames.Default)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new SqliteStorageOptions();
        configure(options);
        Services.AddSingleton(sp => new SqliteDatabase(options, sp.GetServices<ISqliteSchema>()));
        Services.AddSingleton<ISiloLifecycleParticipant>(sp => sp.GetRequiredService<SqliteDatabase>());
        Services.AddSingleton<IStorageHealthProbe>(sp => sp.GetRequiredService<SqliteDatabase>());
        Services.AddKeyedSingleton<IGrainStorage>(name, (sp, _) => new SqliteGrainStorage(
            sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<GrainStateSerializer>(), sp.GetRequiredService<TimeProvider>()));
        Services.Replace(ServiceDescriptor.Singleton<IReminderTable>(sp => new SqliteReminderTable(sp.GetRequiredService<SqliteDatabase>())));
        return this;
    }

    /// <summary>Adds an in-process stream provider.</summary>
    public SiloBuilder AddInProcessStreams(string name = SiloProviderNames.Default)
    {
        Services.AddKeyedSingleton<IStreamProvider>(name, (sp, _) => new InProcessStreamProvider(
            name, sp.GetRequiredService<IOptions<SiloOptions>>().Value.StreamSubscriberQueueLimit, sp.GetRequiredService<ILoggerFactory>()));
        return this;
    }

    public SiloBuilder AddIncomingGrainCallFilter<TFilter>()
        where TFilter : class, IIncomingGrainCallFilter
    {
        Services.AddSingleton<IIncomingGrainCallFilter, TFilter>();
        return this;
    }

    public SiloBuilder AddIncomingGrainCallFilter(IIncomingGrainCallFilter filter)
    {
        Services.AddSingleton(filter);
        return this;
    }

    public SiloBuilder AddOutgoingGrainCallFilter<TFilter>()
        where TFilter : class, IOutgoingGrainCallFilter
    {
        Services.AddSingleton<IOutgoingGrainCallFilter, TFilter>();
        return this;
    }

    public SiloBuilder AddOutgoingGrainCallFilter(IOutgoingGrainCallFilter filter)
    {
        Services.AddSingleton(filter);
        return this;
    }
}
