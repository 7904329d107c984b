using Silo.Invocation;

namespace Silo.Reminders;

/// <summary>The call that delivers a reminder tick (written by hand: IRemindable is the runtime's own interface).</summary>
internal readonly struct ReceiveReminderRequest(string reminderName, TickStatus status) : IGrainRequest<NoResult>
{
    private static readonly GrainMethod s_method = new(typeof(IRemindable), nameof(IRemindable.ReceiveReminder), GrainMethodKind.Task, alwaysInterleave: false, acceptsCancellation: false);

    public GrainMethod Method => s_method;

    public int ArgumentCount => 2;

    public CancellationToken CancellationToken => default;

    public object? GetArgument(int index) => index switch
    {
        0 => reminderName,
        1 => status,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public ValueTask<NoResult> Invoke(object grain, CancellationToken cancellationToken) =>
        GrainInvocation.FromTask(((IRemindable)grain).ReceiveReminder(reminderName, status));
}
