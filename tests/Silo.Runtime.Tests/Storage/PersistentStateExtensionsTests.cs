namespace Silo.Runtime.Tests.Storage;

/// <summary><see cref="PersistentStateExtensions.ReplaceStateAsync{TState}"/>: the new state stays only if it was written.</summary>
public sealed class PersistentStateExtensionsTests
{
    [Fact]
    public async Task A_written_state_replaces_the_previous_one()
    {
        var state = new RecordingState { State = "old" };

        await state.ReplaceStateAsync("new");

        Assert.Equal("new", state.State);
        Assert.Equal(["new"], state.Written);
    }

    [Fact]
    public async Task A_failed_write_puts_the_previous_state_back_and_propagates_the_failure()
    {
        var state = new RecordingState { State = "old", Failure = new GrainStorageException("disk full") };

        var thrown = await Assert.ThrowsAsync<GrainStorageException>(() => state.ReplaceStateAsync("new"));

        Assert.Same(state.Failure, thrown);
        Assert.Equal("old", state.State);
        Assert.Equal(["new"], state.Attempted);
    }

    /// <summary>Records what each write would have stored; fails every write when given a failure.</summary>
    private sealed class RecordingState : IPersistentState<string>
    {
        public string State { get; set; } = "";
        public string? Etag => null;
        public bool RecordExists => Written.Count > 0;
        public Exception? Failure { get; init; }
        public List<string> Attempted { get; } = [];
        public List<string> Written { get; } = [];

        public Task ReadStateAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task WriteStateAsync(CancellationToken cancellationToken = default)
        {
            Attempted.Add(State);
            if (Failure is not null)
            {
                return Task.FromException(Failure);
            }

            Written.Add(State);
            return Task.CompletedTask;
        }

        public Task ClearStateAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
