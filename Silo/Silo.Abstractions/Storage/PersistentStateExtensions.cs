namespace Silo;

/// <summary>Writes that never leave an activation believing what storage does not hold.</summary>
public static class PersistentStateExtensions
{
    /// <summary>
    /// Makes <paramref name="next"/> the state and writes it; if the write fails, the state goes back to what it was
    /// (what storage still holds) and the failure propagates. Callers build <paramref name="next"/> as a new value
    /// or a copy, so the previous state is untouched until the write succeeds.
    /// </summary>
    public static async Task ReplaceStateAsync<TState>(this IPersistentState<TState> state, TState next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var previous = state.State;
        state.State = next;
        try
        {
            await state.WriteStateAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext);
        }
        catch
        {
            state.State = previous;
            throw;
        }
    }
}
