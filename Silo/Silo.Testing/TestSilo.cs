using Microsoft.Extensions.DependencyInjection;
using Silo.Catalog;
using Silo.Hosting;

namespace Silo.Testing;

/// <summary>
/// An in-process silo for grain tests (Orleans' TestingHost in spirit): memory grain storage, memory reminders,
/// in-process streams and a <see cref="ManualTimeProvider"/> unless the test configures otherwise.
/// <code>
/// await using var silo = await TestSilo.StartAsync(b => b.AddGrain&lt;CounterGrain&gt;());
/// var counter = silo.GrainFactory.GetGrain&lt;ICounterGrain&gt;("a");
/// </code>
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestSilo(ServiceProvider services, ManualTimeProvider time)
    {
        _services = services;
        Time = time;
        Host = services.GetRequiredService<SiloHost>();
    }

    /// <summary>The clock the silo runs on; advance it to make timers, reminders and idle collection happen.</summary>
    public ManualTimeProvider Time { get; }

    public SiloHost Host { get; }

    public IServiceProvider Services => _services;

    public IGrainFactory GrainFactory => Host.GrainFactory;

    /// <summary>Activations currently in the catalog.</summary>
    public int ActivationCount => Host.Runtime.Catalog.Count;

    /// <summary>Completes when the latest eviction pass (activation limit) has chosen its activations.</summary>
    public Task LastEvictionPass => Host.Collector?.LastEvictionPass ?? Task.CompletedTask;

    /// <summary>
    /// Builds and starts a silo. <paramref name="configureSilo"/> adds grains and may replace storage;
    /// <paramref name="configureServices"/> adds the services grains need.
    /// </summary>
    public static async Task<TestSilo> StartAsync(
        Action<SiloBuilder> configureSilo,
        Action<IServiceCollection>? configureServices = null,
        ManualTimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(configureSilo);
        time ??= new ManualTimeProvider();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddSilo(silo =>
        {
            silo.AddMemoryGrainStorage();
            silo.AddInProcessStreams();
            configureSilo(silo);
        });
        configureServices?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        var silo = new TestSilo(provider, time);
        try
        {
            await silo.Host.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            await provider.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return silo;
    }

    public TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey => GrainFactory.GetGrain<TGrainInterface>(key);

    /// <summary>True when the grain has an activation in this silo (in any state but gone).</summary>
    public bool IsActive(GrainId grainId) =>
        Host.Runtime.Catalog.TryGet(grainId, out var activation) && activation.Status != ActivationStatus.Invalid;

    /// <summary>Runs one idle-collection pass now (the collector's timer does the same every quantum).</summary>
    public int CollectIdleActivations() => Host.Collector?.CollectIdle() ?? 0;

    /// <summary>Completes when the grain's current activation has deactivated (at once when it has none).</summary>
    public Task WhenDeactivated(GrainId grainId) =>
        Host.Runtime.Catalog.TryGet(grainId, out var activation) ? activation.Deactivated ?? DeactivationNotStarted(grainId) : Task.CompletedTask;

    /// <summary>How long (real time) stopping may wait for busy activations before the test fails.</summary>
    public static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Stops the silo. The grace period runs on the manual clock, which nobody advances here, so activations still
    /// busy (a call waiting forever, a test that failed half-way) would hang the run; after <see cref="StopLimit"/>
    /// they are abandoned and this throws, naming them.
    /// </summary>
    public async Task StopAsync()
    {
        using var limit = new CancellationTokenSource(StopLimit);
        await Host.StopAsync(limit.Token).ConfigureAwait(false);
        var busy = Host.Runtime.Catalog.All.Select(a => a.GrainId.ToString()).ToList();
        if (busy.Count > 0)
        {
            throw new InvalidOperationException(
                $"The test silo did not stop within {StopLimit.TotalSeconds:0} s: {string.Join(", ", busy)} still busy (a call or background work never finished).");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync().ConfigureAwait(false);
        }
        finally
        {
            await _services.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static Task DeactivationNotStarted(GrainId grainId) =>
        Task.FromException(new InvalidOperationException($"Grain {grainId} is active and no deactivation has started."));
}
