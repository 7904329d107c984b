namespace Silo.Testing;

/// <summary>
/// A safety net for awaiting signals in tests: fails with a message naming what was awaited instead of hanging
/// the run. It waits on the real clock (the test's manual clock does not move by itself); it is not a sleep.
/// </summary>
public static class TaskTimeoutExtensions
{
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(15);

    public static async Task WaitOrFail(this Task task, string awaited, TimeSpan? limit = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        try
        {
            await task.WaitAsync(limit ?? DefaultLimit, TimeProvider.System).ConfigureAwait(false);
        }
        catch (TimeoutException ex) when (!task.IsCompleted)
        {
            throw new TimeoutException($"Timed out after {(limit ?? DefaultLimit).TotalSeconds:0.#} s waiting for {awaited}.", ex);
        }
    }

    public static async Task<T> WaitOrFail<T>(this Task<T> task, string awaited, TimeSpan? limit = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        try
        {
            return await task.WaitAsync(limit ?? DefaultLimit, TimeProvider.System).ConfigureAwait(false);
        }
        catch (TimeoutException ex) when (!task.IsCompleted)
        {
            throw new TimeoutException($"Timed out after {(limit ?? DefaultLimit).TotalSeconds:0.#} s waiting for {awaited}.", ex);
        }
    }
}
