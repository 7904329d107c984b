using System.ComponentModel;

namespace Silo.Invocation;

/// <summary>Adapters between grain method return types and the runtime's ValueTask&lt;T&gt;; used by generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GrainInvocation
{
    public static ValueTask<NoResult> FromTask(Task task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.IsCompletedSuccessfully ? default : AwaitTask(task);

        static async ValueTask<NoResult> AwaitTask(Task task)
        {
            await task.ConfigureAwait(false);
            return default;
        }
    }

    public static ValueTask<TResult> FromTask<TResult>(Task<TResult> task) => new(task);

    public static ValueTask<NoResult> FromValueTask(ValueTask task)
    {
        if (task.IsCompletedSuccessfully)
        {
            task.GetAwaiter().GetResult();
            return default;
        }

        return AwaitValueTask(task);

        static async ValueTask<NoResult> AwaitValueTask(ValueTask task)
        {
            await task.ConfigureAwait(false);
            return default;
        }
    }

    public static Task ToTask(ValueTask<NoResult> call)
    {
        if (call.IsCompletedSuccessfully)
        {
            call.GetAwaiter().GetResult();
            return Task.CompletedTask;
        }

        return call.AsTask();
    }

    public static Task<TResult> ToTask<TResult>(ValueTask<TResult> call) => call.AsTask();

    public static ValueTask ToValueTask(ValueTask<NoResult> call)
    {
        if (call.IsCompletedSuccessfully)
        {
            call.GetAwaiter().GetResult();
            return default;
        }

        return new ValueTask(call.AsTask());
    }
}
