using Microsoft.Extensions.Logging;
using Silo.Placement;

namespace Silo.Diagnostics;

/// <summary>The runtime's log messages, defined once (LoggerMessage source generation: no formatting cost when disabled).</summary>
internal sealed partial class SiloLog(ILogger logger)
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Activation of grain {GrainId} failed")]
    public partial void ActivationFailed(Exception exception, GrainId grainId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Deactivation of grain {GrainId} did not complete cleanly")]
    public partial void DeactivationFailed(Exception exception, GrainId grainId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Background work of grain {GrainId} failed")]
    public partial void BackgroundWorkFailed(Exception exception, GrainId grainId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "A timer tick of grain {GrainId} failed")]
    public partial void TimerTickFailed(Exception exception, GrainId grainId);

    [LoggerMessage(EventId = 5, Level = LogLevel.Critical, Message = "Unhandled exception in a turn of grain {GrainId}")]
    public partial void UnhandledInTurn(Exception exception, GrainId grainId);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Silo {SiloAddress} started with {GrainTypeCount} grain types")]
    public partial void Started(SiloAddress siloAddress, int grainTypeCount);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Silo {SiloAddress} stopping: deactivating {ActivationCount} activations")]
    public partial void Stopping(SiloAddress siloAddress, int activationCount);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Silo {SiloAddress} stopped")]
    public partial void Stopped(SiloAddress siloAddress);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Shutdown timed out; {ActivationCount} activations were still busy and are abandoned")]
    public partial void ShutdownAbandoned(int activationCount);

    [LoggerMessage(EventId = 9, Level = LogLevel.Error, Message = "Reminder {ReminderName} of grain {GrainId} failed")]
    public partial void ReminderFailed(Exception exception, GrainId grainId, string reminderName);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "A subscriber of stream {StreamId} threw; delivery continues")]
    public partial void StreamObserverFailed(Exception exception, Silo.Streams.StreamId streamId);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "A subscriber of stream {StreamId} fell {Limit} items behind and was unsubscribed")]
    public partial void StreamSubscriberOverflow(Silo.Streams.StreamId streamId, int limit);
}
