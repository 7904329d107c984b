using System.Reflection;
using Silo.Catalog;

namespace Silo.Hosting;

/// <summary>
/// Starts and stops a silo. Stopping is graceful: services that call grains stop first, no new calls are
/// accepted (calls made by in-flight requests still are), in-flight calls get <see cref="SiloOptions.ShutdownGracePeriod"/>
/// to finish before their tokens are cancelled, every activation deactivates, and storage is flushed last.
/// </summary>
public sealed class SiloHost : IAsyncDisposable
{
    private readonly SiloRuntime _runtime;
    private readonly ISiloLifecycleParticipant[] _participants;
    private readonly SemaphoreSlim _transition = new(1, 1);
    private ActivationCollector? _collector;
    private DateTimeOffset? _startedAt;

    internal SiloHost(SiloRuntime runtime, IEnumerable<ISiloLifecycleParticipant> participants)
    {
        _runtime = runtime;
        _participants = [.. participants.Distinct().OrderBy(p => p.Stage)];
    }

    public SiloStatus Status => _runtime.Status;

    /// <summary>Creates grain references.</summary>
    public IGrainFactory GrainFactory => _runtime.Invoker;

    /// <summary>The silo's meter, for listeners that want only this silo's measurements.</summary>
    public System.Diagnostics.Metrics.Meter Meter => _runtime.Metrics.Meter;

    internal SiloRuntime Runtime => _runtime;

    internal ActivationCollector? Collector => _collector;

    public static string Version { get; } =
        typeof(SiloHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _transition.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_runtime.Status != SiloStatus.Created)
            {
                throw new InvalidOperationException($"A silo starts once; this one is {_runtime.Status}.");
            }

            _runtime.Status = SiloStatus.Starting;
            ValidateStorage();
            foreach (var participant in _participants.Where(p => p.Stage < SiloStage.Runtime))
            {
                await participant.OnStartAsync(cancellationToken).ConfigureAwait(false);
            }

            _collector = new ActivationCollector(_runtime);
            _startedAt = _runtime.Time.GetUtcNow();
            _runtime.Status = SiloStatus.Running;
            foreach (var participant in _participants.Where(p => p.Stage >= SiloStage.Runtime))
            {
                await participant.OnStartAsync(cancellationToken).ConfigureAwait(false);
            }

            _runtime.Log.Started(_runtime.LocalSilo, _runtime.Registry.All.Count);
        }
        finally
        {
            _transition.Release();
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _transition.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_runtime.Status is SiloStatus.Stopped or SiloStatus.Created)
            {
                _runtime.Status = SiloStatus.Stopped;
                return;
            }

            foreach (var participant in _participants.Where(p => p.Stage >= SiloStage.Runtime).Reverse())
            {
                await participant.OnStopAsync(cancellationToken).ConfigureAwait(false);
            }

            _runtime.Status = SiloStatus.Stopping;
            _collector?.Dispose();
            _runtime.Log.Stopping(_runtime.LocalSilo, _runtime.Catalog.Count);
            _runtime.SignalStopping();
            await DeactivateAllAsync(cancellationToken).ConfigureAwait(false);
            // Storage is flushed even when the shutdown timeout cut deactivation short.
            foreach (var participant in _participants.Where(p => p.Stage < SiloStage.Runtime).Reverse())
            {
                await participant.OnStopAsync(CancellationToken.None).ConfigureAwait(false);
            }

            _runtime.Status = SiloStatus.Stopped;
            _runtime.Log.Stopped(_runtime.LocalSilo);
        }
        finally
        {
            _transition.Release();
        }
    }

    public SiloSnapshot GetSnapshot()
    {
        var byType = _runtime.Registry.All
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToDictionary(t => t.Name, t => t.ActivationCount, StringComparer.Ordinal);
        var uptime = _startedAt is { } started && _runtime.Status is SiloStatus.Running or SiloStatus.Stopping
            ? _runtime.Time.GetUtcNow() - started
            : TimeSpan.Zero;
        return new SiloSnapshot(
            _runtime.Options.SiloName,
            _runtime.LocalSilo.ToString(),
            Version,
            _runtime.Status,
            _startedAt,
            uptime,
            _runtime.Catalog.Count,
            byType);
    }

    // The transition semaphore is not disposed: it never hands out its wait handle, so there is nothing to free,
    // and a StopAsync racing a disposal (the host stopping while the container disposes) must not find it dead.
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _runtime.Dispose();
    }

    /// <summary>
    /// Deactivates every activation. When <paramref name="cancellationToken"/> fires (the host's shutdown timeout),
    /// activations still busy are abandoned so storage can still be flushed.
    /// </summary>
    private async Task DeactivateAllAsync(CancellationToken cancellationToken)
    {
        var reason = new DeactivationReason(DeactivationReasonCode.ShuttingDown, "The silo is stopping.");
        var pending = new List<Task>();
        // Activations created while we deactivate (calls of in-flight requests) are caught by the next round.
        for (var round = 0; round < 10 && _runtime.Catalog.Count > 0; round++)
        {
            foreach (var activation in _runtime.Catalog.All)
            {
                activation.TryDeactivate(reason, onlyIfIdle: false);
                if (activation.Deactivated is { } done)
                {
                    pending.Add(done);
                }
            }

            try
            {
                await Task.WhenAll(pending).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                _runtime.Log.ShutdownAbandoned(_runtime.Catalog.Count);
                return;
            }

            pending.Clear();
        }
    }

    private void ValidateStorage()
    {
        foreach (var type in _runtime.Registry.All)
        {
            foreach (var state in type.States)
            {
                try
                {
                    _runtime.StorageFor(state);
                }
                catch (InvalidOperationException ex)
                {
                    throw new InvalidOperationException($"Grain type '{type.Name}', state '{state.Name}': {ex.Message}", ex);
                }
            }
        }
    }
}
