using System.Globalization;
using System.Text;
using Silo.Storage;
using Silo.Testing;

namespace Silo.Runtime.Tests.Storage;

/// <summary>
/// The contract every <see cref="IGrainStorage"/> provider must meet (Orleans' Persistence.TestKit in spirit). A
/// provider's test class derives from this and supplies a fresh store per test. Grain ids carry a per-test run id,
/// so a provider may also hand out a store that other tests share (a PostgreSQL database, for instance).
/// </summary>
public abstract class GrainStorageConformanceTests : IAsyncLifetime
{
    private const string StateName = "state";
    private const int ConcurrentWriters = 32;

    private readonly string _run = Guid.NewGuid().ToString("N")[..12];
    private StorageUnderTest? _underTest;

    /// <summary>The provider under test.</summary>
    protected IGrainStorage Storage => _underTest?.Storage ?? throw new InvalidOperationException("The storage is created in InitializeAsync.");

    public async Task InitializeAsync() => _underTest = await CreateStorageAsync();

    public async Task DisposeAsync()
    {
        if (_underTest?.Resources is { } resources)
        {
            await resources.DisposeAsync();
        }
    }

    /// <summary>Creates and starts the provider under test, once per test, with what must be stopped and deleted afterwards.</summary>
    protected abstract Task<StorageUnderTest> CreateStorageAsync();

    [Fact]
    public async Task Reading_a_missing_record_gives_a_new_state_no_etag_and_no_record()
    {
        var grainState = new GrainState<ConformanceState>(Sample("left over from an earlier read")) { ETag = "stale", RecordExists = true };

        await Storage.ReadStateAsync(StateName, NewGrainId(), grainState, CancellationToken.None);

        AssertSameState(new ConformanceState(), grainState.State);
        Assert.Null(grainState.ETag);
        Assert.False(grainState.RecordExists);
    }

    [Fact]
    public async Task A_written_state_reads_back_equal_with_the_writers_etag()
    {
        var grainId = NewGrainId();
        var written = NewGrainState(Sample("first"));

        await Storage.WriteStateAsync(StateName, grainId, written, CancellationToken.None);

        Assert.False(string.IsNullOrEmpty(written.ETag));
        Assert.True(written.RecordExists);
        var read = await ReadAsync(grainId);
        AssertSameState(Sample("first"), read.State);
        Assert.Equal(written.ETag, read.ETag);
        Assert.True(read.RecordExists);
    }

    [Fact]
    public async Task Every_write_assigns_a_new_etag()
    {
        var grainId = NewGrainId();
        var grainState = NewGrainState(Sample("v0"));
        var etags = new List<string>();

        for (var i = 0; i < 5; i++)
        {
            grainState.State.Text = $"v{i}";
            await Storage.WriteStateAsync(StateName, grainId, grainState, CancellationToken.None);
            etags.Add(grainState.ETag!);
        }

        Assert.Equal(etags.Count, etags.Distinct(StringComparer.Ordinal).Count());
        var read = await ReadAsync(grainId);
        Assert.Equal(etags[^1], read.ETag);
        Assert.Equal("v4", read.State.Text);
    }

    [Fact]
    public async Task An_update_with_the_current_etag_replaces_the_state()
    {
        var grainId = NewGrainId();
        await WriteAsync(grainId, Sample("before"));
        var reader = await ReadAsync(grainId);

        reader.State = Sample("after");
        await Storage.WriteStateAsync(StateName, grainId, reader, CancellationToken.None);

        var read = await ReadAsync(grainId);
        AssertSameState(Sample("after"), read.State);
        Assert.Equal(reader.ETag, read.ETag);
    }

    [Fact]
    public async Task An_update_with_a_stale_etag_throws_and_leaves_storage_and_the_caller_unchanged()
    {
        var grainId = NewGrainId();
        await WriteAsync(grainId, Sample("original"));
        var first = await ReadAsync(grainId);
        var second = await ReadAsync(grainId);
        first.State = Sample("first writer");
        await Storage.WriteStateAsync(StateName, grainId, first, CancellationToken.None);
        var staleEtag = second.ETag;
        second.State = Sample("second writer");

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteStateAsync(StateName, grainId, second, CancellationToken.None));

        Assert.Equal(staleEtag, conflict.CurrentEtag);
        Assert.Equal(first.ETag, conflict.StoredEtag);
        Assert.Equal(staleEtag, second.ETag);
        var read = await ReadAsync(grainId);
        AssertSameState(Sample("first writer"), read.State);
        Assert.Equal(first.ETag, read.ETag);
    }

    [Fact]
    public async Task Inserting_without_an_etag_over_an_existing_record_conflicts()
    {
        var grainId = NewGrainId();
        var existing = await WriteAsync(grainId, Sample("existing"));
        var newcomer = NewGrainState(Sample("newcomer"));

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteStateAsync(StateName, grainId, newcomer, CancellationToken.None));

        Assert.Null(newcomer.ETag);
        Assert.False(newcomer.RecordExists);
        var read = await ReadAsync(grainId);
        AssertSameState(Sample("existing"), read.State);
        Assert.Equal(existing.ETag, read.ETag);
    }

    [Fact]
    public async Task Clearing_with_the_current_etag_deletes_the_record_and_resets_the_caller()
    {
        var grainId = NewGrainId();
        var grainState = await WriteAsync(grainId, Sample("to delete"));

        await Storage.ClearStateAsync(StateName, grainId, grainState, CancellationToken.None);

        AssertSameState(new ConformanceState(), grainState.State);
        Assert.Null(grainState.ETag);
        Assert.False(grainState.RecordExists);
        var read = await ReadAsync(grainId);
        AssertSameState(new ConformanceState(), read.State);
        Assert.Null(read.ETag);
        Assert.False(read.RecordExists);
    }

    [Fact]
    public async Task Clearing_with_a_stale_etag_conflicts_and_deletes_nothing()
    {
        var grainId = NewGrainId();
        var stale = await WriteAsync(grainId, Sample("v1"));
        var current = await ReadAsync(grainId);
        current.State = Sample("v2");
        await Storage.WriteStateAsync(StateName, grainId, current, CancellationToken.None);

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.ClearStateAsync(StateName, grainId, stale, CancellationToken.None));

        var read = await ReadAsync(grainId);
        Assert.True(read.RecordExists);
        AssertSameState(Sample("v2"), read.State);
        Assert.Equal(current.ETag, read.ETag);
    }

    [Fact]
    public async Task Clearing_without_an_etag_when_a_record_exists_conflicts_and_deletes_nothing()
    {
        var grainId = NewGrainId();
        var existing = await WriteAsync(grainId, Sample("kept"));

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.ClearStateAsync(StateName, grainId, NewGrainState(new ConformanceState()), CancellationToken.None));

        var read = await ReadAsync(grainId);
        AssertSameState(Sample("kept"), read.State);
        Assert.Equal(existing.ETag, read.ETag);
    }

    [Fact]
    public async Task Clearing_a_missing_record_without_an_etag_succeeds()
    {
        var grainId = NewGrainId();
        var grainState = NewGrainState(Sample("never written"));

        await Storage.ClearStateAsync(StateName, grainId, grainState, CancellationToken.None);

        AssertSameState(new ConformanceState(), grainState.State);
        Assert.Null(grainState.ETag);
        Assert.False(grainState.RecordExists);
        Assert.False((await ReadAsync(grainId)).RecordExists);
    }

    [Fact]
    public async Task Writing_or_clearing_with_an_etag_after_the_record_was_deleted_conflicts_and_recreates_nothing()
    {
        var grainId = NewGrainId();
        var holder = await WriteAsync(grainId, Sample("v1"));
        var deleter = await ReadAsync(grainId);
        await Storage.ClearStateAsync(StateName, grainId, deleter, CancellationToken.None);

        holder.State = Sample("resurrected");
        await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteStateAsync(StateName, grainId, holder, CancellationToken.None));
        await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.ClearStateAsync(StateName, grainId, holder, CancellationToken.None));

        Assert.False((await ReadAsync(grainId)).RecordExists);
    }

    [Fact]
    public async Task An_etag_from_before_a_clear_and_rewrite_is_stale()
    {
        var grainId = NewGrainId();
        var holder = await WriteAsync(grainId, Sample("A"));
        var other = await ReadAsync(grainId);
        await Storage.ClearStateAsync(StateName, grainId, other, CancellationToken.None);
        other.State = Sample("B");
        await Storage.WriteStateAsync(StateName, grainId, other, CancellationToken.None);

        holder.State = Sample("A again");
        await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteStateAsync(StateName, grainId, holder, CancellationToken.None));
        await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.ClearStateAsync(StateName, grainId, holder, CancellationToken.None));

        var read = await ReadAsync(grainId);
        AssertSameState(Sample("B"), read.State);
        Assert.Equal(other.ETag, read.ETag);
    }

    [Fact]
    public async Task Of_concurrent_writers_holding_the_same_etag_exactly_one_succeeds()
    {
        var grainId = NewGrainId();
        var original = await WriteAsync(grainId, Sample("original"));

        var outcomes = await RaceAsync(grainId, original.ETag);

        var winner = Assert.Single(outcomes, o => o.Error is null);
        Assert.All(outcomes.Where(o => o != winner), o => Assert.IsType<InconsistentStateException>(o.Error));
        var read = await ReadAsync(grainId);
        AssertSameState(Sample($"writer {winner.Writer}"), read.State);
        Assert.Equal(winner.ETag, read.ETag);
    }

    [Fact]
    public async Task Of_concurrent_inserts_of_a_missing_record_exactly_one_succeeds()
    {
        var grainId = NewGrainId();

        var outcomes = await RaceAsync(grainId, heldEtag: null);

        var winner = Assert.Single(outcomes, o => o.Error is null);
        Assert.All(outcomes.Where(o => o != winner), o => Assert.IsType<InconsistentStateException>(o.Error));
        var read = await ReadAsync(grainId);
        AssertSameState(Sample($"writer {winner.Writer}"), read.State);
        Assert.Equal(winner.ETag, read.ETag);
    }

    [Fact]
    public async Task A_state_of_several_megabytes_round_trips_intact()
    {
        var grainId = NewGrainId();
        var large = new ConformanceState { Text = "large" };
        var line = new StringBuilder();
        for (var i = 0; i < 5 * 1024; i++)
        {
            // 1 KiB lines that all differ, with some non-ASCII so multi-byte encoding is exercised too.
            line.Clear().Append(i.ToString("D6", CultureInfo.InvariantCulture)).Append(" ルミナ ");
            while (line.Length < 1024)
            {
                line.Append((char)('a' + ((line.Length + i) % 26)));
            }

            large.Items.Add(line.ToString());
        }

        Assert.True(large.Items.Sum(s => s.Length) >= 5 * 1024 * 1024);

        await WriteAsync(grainId, large);

        var read = await ReadAsync(grainId);
        Assert.Equal(large.Items.Count, read.State.Items.Count);
        Assert.Equal(large.Items, read.State.Items);
    }

    [Fact]
    public async Task Unicode_control_characters_and_markup_round_trip_exactly()
    {
        var grainId = NewGrainId();
        string[] samples =
        [
            "ルミナ、こんにちは",
            "👍🏽 𠮷野家 🇯🇵 👨‍👩‍👧",
            "\uD83D\uDC4D\uD83C\uDFFD",
            "שלום עולם مرحبا بالعالم \u200F\u202E",
            "nul\0inside\0",
            "\u0001\u0007\b\t\n\v\f\r\u001B\u007F\u0085\u2028\u2029",
            "'; DROP TABLE silo_grain_state; --",
            "\"quoted\" \\backslash\\ $param @param ?1 :name",
            "<script>alert('x')</script> &amp; &lt;",
            "{\"json\": [1, 2, 3]}",
            "\uFEFFbom, zero\u200Bwidth, combining e\u0301 vs \u00E9",
            string.Empty,
            " leading and trailing spaces ",
        ];
        var state = new ConformanceState { Text = string.Concat(samples), Number = -42, Items = [.. samples] };
        foreach (var (sample, i) in samples.Select((s, i) => (s, i)))
        {
            state.Tags[sample + i.ToString(CultureInfo.InvariantCulture)] = sample;
        }

        await WriteAsync(grainId, state);

        var read = await ReadAsync(grainId);
        Assert.Equal(Encoding.UTF8.GetBytes(state.Text), Encoding.UTF8.GetBytes(read.State.Text));
        Assert.Equal(samples.Length, read.State.Items.Count);
        for (var i = 0; i < samples.Length; i++)
        {
            Assert.Equal(samples[i].ToCharArray(), read.State.Items[i].ToCharArray());
        }

        Assert.Equal(state.Tags, read.State.Tags);
    }

    [Fact]
    public async Task Records_differing_only_in_grain_type_key_or_state_name_are_separate()
    {
        var run = _run;
        var cells = new List<(GrainId GrainId, string StateName)>
        {
            (GrainId.Create("iso", run), "state"),
            (GrainId.Create("iso", run), "state2"),
            (GrainId.Create("iso", run), "State"),
            (GrainId.Create("iso2", run), "state"),
            (GrainId.Create("Iso", run), "state"),
            (GrainId.Create("iso", run.ToUpperInvariant() + "X"), "state"),
            (GrainId.Create("iso", run + "x"), "state"),
            (GrainId.Create("iso", run + "x "), "state"),
            (GrainId.Create("iso", run + "'"), "state"),
            (GrainId.Create("iso", run + "''"), "state"),
            (GrainId.Create("iso", run + "\""), "state"),
            (GrainId.Create("iso", run + "/a"), "state"),
            (GrainId.Create("iso", run + "\\a"), "state"),
            (GrainId.Create("iso", run + "%"), "state"),
            (GrainId.Create("iso", run + "_"), "state"),
            (GrainId.Create("iso", run + "ルミナ"), "state"),
            (GrainId.Create("iso", run + "👍🏽"), "state"),
            (GrainId.Create("iso", run + "\u00E9"), "state"),
            (GrainId.Create("iso", run + "e\u0301"), "state"),

            // "iso/a" + "b/…" and "iso" + "a/b/…" print the same as "type/key"; storage must not key by that text.
            (GrainId.Create("iso/a", "b/" + run), "state"),
            (GrainId.Create("iso", "a/b/" + run), "state"),
            (GrainId.Create("iso", run), "a/state"),
            (GrainId.Create("iso/" + run, "a"), "state"),
        };
        Assert.Equal(cells.Count, cells.Distinct().Count());
        var etags = new Dictionary<(GrainId, string), string>();
        for (var i = 0; i < cells.Count; i++)
        {
            var written = await WriteAsync(cells[i].GrainId, Sample($"cell {i}"), cells[i].StateName);
            etags[cells[i]] = written.ETag!;
        }

        for (var i = 0; i < cells.Count; i++)
        {
            var read = await ReadAsync(cells[i].GrainId, cells[i].StateName);
            AssertSameState(Sample($"cell {i}"), read.State);
            Assert.Equal(etags[cells[i]], read.ETag);
        }

        var cleared = await ReadAsync(cells[0].GrainId, cells[0].StateName);
        await Storage.ClearStateAsync(cells[0].StateName, cells[0].GrainId, cleared, CancellationToken.None);
        Assert.False((await ReadAsync(cells[0].GrainId, cells[0].StateName)).RecordExists);
        for (var i = 1; i < cells.Count; i++)
        {
            var read = await ReadAsync(cells[i].GrainId, cells[i].StateName);
            Assert.True(read.RecordExists, $"Clearing {cells[0]} also removed {cells[i]}.");
            AssertSameState(Sample($"cell {i}"), read.State);
        }
    }

    [Fact]
    public async Task Mutating_the_callers_object_after_a_write_or_read_does_not_change_what_is_stored()
    {
        var grainId = NewGrainId();
        var written = await WriteAsync(grainId, Sample("stored"));

        written.State.Text = "mutated after write";
        written.State.Number = 999;
        written.State.Items.Add("added after write");
        written.State.Tags["added"] = "after write";
        var firstRead = await ReadAsync(grainId);
        firstRead.State.Items.Clear();
        firstRead.State.Tags.Clear();

        var secondRead = await ReadAsync(grainId);
        AssertSameState(Sample("stored"), secondRead.State);
    }

    private static ConformanceState Sample(string text) => new()
    {
        Text = text,
        Number = text.Length,
        Items = [text, "second item", "ルミナ"],
        Tags = new Dictionary<string, string> { ["source"] = text, ["lang"] = "ja" },
    };

    private static GrainState<ConformanceState> NewGrainState(ConformanceState state) => new(state);

    private static void AssertSameState(ConformanceState expected, ConformanceState actual)
    {
        Assert.Equal(expected.Text, actual.Text);
        Assert.Equal(expected.Number, actual.Number);
        Assert.Equal(expected.Items, actual.Items);
        Assert.Equal(expected.Tags, actual.Tags);
    }

    private GrainId NewGrainId() => GrainId.Create("conformance", $"{_run}-{Guid.NewGuid():N}");

    private async Task<GrainState<ConformanceState>> WriteAsync(GrainId grainId, ConformanceState state, string stateName = StateName)
    {
        var grainState = NewGrainState(state);
        await Storage.WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);
        return grainState;
    }

    private async Task<GrainState<ConformanceState>> ReadAsync(GrainId grainId, string stateName = StateName)
    {
        var grainState = NewGrainState(new ConformanceState());
        await Storage.ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);
        return grainState;
    }

    /// <summary>Parks <see cref="ConcurrentWriters"/> writers, all holding <paramref name="heldEtag"/>, then releases them at once.</summary>
    private async Task<WriterOutcome[]> RaceAsync(GrainId grainId, string? heldEtag)
    {
        var allParked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var parked = 0;
        var writers = Enumerable.Range(0, ConcurrentWriters).Select(writer => Task.Run(async () =>
        {
            var grainState = new GrainState<ConformanceState>(Sample($"writer {writer}")) { ETag = heldEtag, RecordExists = heldEtag is not null };
            if (Interlocked.Increment(ref parked) == ConcurrentWriters)
            {
                allParked.SetResult();
            }

            await start.Task;
            try
            {
                await Storage.WriteStateAsync(StateName, grainId, grainState, CancellationToken.None);
                return new WriterOutcome(writer, grainState.ETag, null);
            }
            catch (InconsistentStateException ex)
            {
                return new WriterOutcome(writer, null, ex);
            }
        })).ToArray();

        await allParked.Task.WaitOrFail($"{ConcurrentWriters} writers of {grainId} to be ready");
        start.SetResult();
        return await Task.WhenAll(writers).WaitOrFail($"{ConcurrentWriters} concurrent writers of {grainId}");
    }

    private sealed record WriterOutcome(int Writer, string? ETag, Exception? Error);
}
