using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Silo.Catalog;
using Silo.Diagnostics;
using Silo.Filters;
using Silo.Invocation;
using Silo.Placement;
using Silo.Reminders;
using Silo.Storage;
using Silo.Streams;

namespace Silo.Hosting;

/// <summary>What activations and calls share: options, clock, catalog, filters, storage lookup, metrics.</summary>
internal sealed class SiloRuntime : IDisposable
{
    private readonly ConcurrentDictionary<string, IGrainStorage> _storage = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private IReminderRegistry? _reminders;
    private volatile SiloStatus _status;

    public SiloRuntime(
        IServiceProvider services,
        SiloOptions options,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        IEnumerable<Type> grainClasses,
        IEnumerable<IIncomingGrainCallFilter> incomingFilters,
        IEnumerable<IOutgoingGrainCallFilter> outgoingFilters)
    {
        options.Validate();
        Services = services;
        Options = options;
        Time = time;
        Log = new SiloLog(loggerFactory.CreateLogger("Silo"));
        Registry = new GrainTypeRegistry(grainClasses, options);
        LocalSilo = new SiloAddress(options.SiloName, time.GetUtcNow().ToUnixTimeMilliseconds());
        Directory = services.GetService<IGrainDirectory>() ?? new SingleSiloDirectory();
        Placement = services.GetService<IPlacementDirector>() ?? new LocalPlacementDirector(LocalSilo);
        IncomingFilters = [.. incomingFilters];
        OutgoingFilters = [.. outgoingFilters];
        Catalog = new ActivationCatalog(this);
        Invoker = new GrainCallInvoker(this);
        Metrics = new SiloMetrics(time, () => Registry.All);
        ActivitySource = new ActivitySource(SiloMetrics.MeterName);
    }

    public IServiceProvider Services { get; }

    public SiloOptions Options { get; }

    public TimeProvider Time { get; }

    public SiloLog Log { get; }

    public GrainTypeRegistry Registry { get; }

    public SiloAddress LocalSilo { get; }

    public IGrainDirectory Directory { get; }

    public IPlacementDirector Placement { get; }

    public IIncomingGrainCallFilter[] IncomingFilters { get; }

    public IOutgoingGrainCallFilter[] OutgoingFilters { get; }

    public ActivationCatalog Catalog { get; }

    public GrainCallInvoker Invoker { get; }

    public SiloMetrics Metrics { get; }

    public ActivitySource ActivitySource { get; }

    public IReminderRegistry Reminders => _reminders ??= Services.GetRequiredService<IReminderRegistry>();

    public SiloStatus Status
    {
        get => _status;
        set => _status = value;
    }

    public bool IsStopping => _status >= SiloStatus.Stopping;

    /// <summary>Cancelled when the silo begins to stop; activations pass it to state reads and OnActivateAsync.</summary>
    public CancellationToken StoppingToken => _stopping.Token;

    public void SignalStopping() => _stopping.Cancel();

    /// <summary>
    /// Null when a new call may be sent. A running silo takes every call; a stopping one only calls made by
    /// in-flight requests, so they can finish.
    /// </summary>
    public SiloUnavailableException? TryRejectNewCall(ActivationRequest? caller) =>
        _status == SiloStatus.Running || (_status == SiloStatus.Stopping && caller is not null)
            ? null
            : new SiloUnavailableException($"The silo is {_status.ToString().ToLowerInvariant()} and takes no new calls.");

    public IStreamProvider GetStreamProvider(string name) =>
        Services.GetKeyedService<IStreamProvider>(name)
        ?? throw new KeyNotFoundException($"No stream provider named '{name}' is configured.");

    public IGrainStorage StorageFor(StateDescriptor state) =>
        _storage.GetOrAdd(state.StorageName ?? SiloProviderNames.Default, static (name, services) =>
            services.GetKeyedService<IGrainStorage>(name)
            ?? throw new InvalidOperationException($"No grain storage named '{name}' is configured."), Services);

    /// <summary>Hands a call to its grain's activation, creating one if needed.</summary>
    public void Dispatch(CallMessage message)
    {
        var reference = message.Reference;
        if (reference.CachedActivation is not ActivationData activation || activation.IsDefunct)
        {
            try
            {
                activation = Catalog.GetOrCreate(reference.GrainId);
            }
            catch (Exception ex) when (ex is SiloUnavailableException or InvalidOperationException or NotSupportedException)
            {
                message.Reject(ex);
                return;
            }

            reference.CachedActivation = activation;
        }

        message.Target = activation;
        activation.Receive(message);
    }

    /// <summary>Sends a call again after the activation it waited on went away.</summary>
    public void Redispatch(CallMessage message)
    {
        message.Reference.CachedActivation = null;
        Dispatch(message);
    }

    public void Dispose()
    {
        Metrics.Dispose();
        ActivitySource.Dispose();
        _stopping.Dispose();
    }
}
