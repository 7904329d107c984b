using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Silo.Filters;
using Silo.Reminders;
using Silo.Storage;

namespace Silo.Hosting;

public static class SiloServiceCollectionExtensions
{
    /// <summary>
    /// Adds a silo to the services; it starts with the host (or through <see cref="SiloHost"/> directly).
    /// Without further configuration grains keep state in memory and reminders do not survive a restart.
    /// </summary>
    public static IServiceCollection AddSilo(this IServiceCollection services, Action<SiloBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new SiloBuilder(services);
        configure(builder);

        services.AddOptions<SiloOptions>();
        services.TryAddSingleton(TimeProvider.System);
        // A host normally brings logging; without one, grains asking for ILogger<T> still get one (that discards).
        services.TryAddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.TryAddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.TryAddSingleton(GrainStateSerializer.Default);
        services.TryAddSingleton<IReminderTable, MemoryReminderTable>();
        services.AddSingleton(sp => new SiloRuntime(
            sp,
            sp.GetRequiredService<IOptions<SiloOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetServices<GrainClass>().Select(g => g.Type),
            sp.GetServices<IIncomingGrainCallFilter>(),
            sp.GetServices<IOutgoingGrainCallFilter>()));
        services.AddSingleton(sp => new ReminderService(sp.GetRequiredService<SiloRuntime>(), sp.GetRequiredService<IReminderTable>()));
        services.AddSingleton<IReminderRegistry>(sp => sp.GetRequiredService<ReminderService>());
        services.AddSingleton<ISiloLifecycleParticipant>(sp => sp.GetRequiredService<ReminderService>());
        services.AddSingleton(sp => new SiloHost(sp.GetRequiredService<SiloRuntime>(), sp.GetServices<ISiloLifecycleParticipant>()));
        services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<SiloRuntime>().Invoker);
        services.AddHostedService<SiloHostedService>();
        return services;
    }

    /// <summary>Registers a grain class with the silo; usable after <see cref="AddSilo"/> (for example from a test host).</summary>
    public static IServiceCollection AddSiloGrain<TGrain>(this IServiceCollection services)
        where TGrain : Grain
    {
        services.AddSingleton(new GrainClass(typeof(TGrain)));
        return services;
    }
}
