using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Silo.Hosting;
using Silo.Runtime.Tests.Grains;
using Silo.Storage;
using Silo.Storage.Sqlite;
using Silo.Testing;
using Xunit.Abstractions;

namespace Silo.Runtime.Tests.Storage;

/// <summary>How the SQLite store behaves when its data or its file is not what it expects.</summary>
public sealed class SqliteFailureTests(ITestOutputHelper output)
{
    private const string StateName = JournalGrain.StateName;

    [Theory]
    [InlineData("{\"entries\": [\"cut off")]
    [InlineData("{\"entries\": 42}")]
    [InlineData("ルミナ: not JSON at all")]
    public async Task A_corrupt_state_row_fails_activation_naming_grain_and_state_and_is_never_overwritten(string corruptJson)
    {
        using var file = new TemporaryDatabaseFile();
        await using var silo = await TestSilo.StartAsync(b => b.AddGrain<JournalGrain>().UseSqlite(o => o.Path = file.Path));
        Assert.IsType<SqliteGrainStorage>(silo.Services.GetRequiredKeyedService<IGrainStorage>(SiloProviderNames.Default));
        var grainId = GrainId.Create(JournalGrain.TypeName, "corrupt-1");
        var corruptRow = new StoredRow("etag-of-the-corrupt-row", Encoding.UTF8.GetBytes(corruptJson), 1234);
        await using (var connection = OpenPlainConnection(file.Path))
        {
            InsertRow(connection, grainId, StateName, corruptRow, corruptJson);
        }

        var journal = silo.GetGrain<IJournalGrain>(grainId.Key);
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            // Append would write the state if the activation went ahead with an empty one.
            var error = await Assert.ThrowsAsync<GrainActivationException>(() => journal.Append($"attempt {attempt}"));

            Assert.Equal(grainId, error.GrainId);
            Assert.Contains(grainId.ToString(), error.Message, StringComparison.Ordinal);
            Assert.Contains($"'{StateName}'", error.Message, StringComparison.Ordinal);
            var cause = Assert.IsType<GrainStateSerializationException>(error.InnerException);
            Assert.Equal(grainId, cause.GrainId);
            Assert.Equal(StateName, cause.StateName);
            await using var connection = OpenPlainConnection(file.Path);
            Assert.Equal(corruptRow, Assert.Single(ReadRows(connection, grainId, StateName)));
        }
    }

    [Fact]
    public async Task While_another_connection_holds_the_write_lock_health_is_unhealthy_and_writes_fail_writing_nothing()
    {
        await using var database = await SqliteTestDatabase.StartAsync(o => o.BusyTimeout = TimeSpan.FromSeconds(1));
        var grainId = GrainId.Create("locked", "a");
        var grainState = new GrainState<JournalState>(new JournalState { Entries = ["written while locked"] });
        Assert.True((await database.Database.CheckAsync(CancellationToken.None)).IsHealthy);

        await using (var locker = OpenPlainConnection(database.File.Path))
        {
            Execute(locker, "BEGIN EXCLUSIVE;");

            var health = await database.Database.CheckAsync(CancellationToken.None);
            Assert.False(health.IsHealthy, health.Description);
            Assert.Contains(database.Database.FullPath, health.Description, StringComparison.Ordinal);
            await Assert.ThrowsAsync<GrainStorageException>(
                () => database.Storage.WriteStateAsync(StateName, grainId, grainState, CancellationToken.None));
            Assert.Null(grainState.ETag);
            Assert.False(grainState.RecordExists);

            Execute(locker, "ROLLBACK;");
        }

        await using (var connection = OpenPlainConnection(database.File.Path))
        {
            Assert.Empty(ReadRows(connection, grainId, StateName));
        }

        await database.Storage.WriteStateAsync(StateName, grainId, grainState, CancellationToken.None);
        Assert.True((await database.Database.CheckAsync(CancellationToken.None)).IsHealthy);
        var read = new GrainState<JournalState>(new JournalState());
        await database.Storage.ReadStateAsync(StateName, grainId, read, CancellationToken.None);
        Assert.Equal(["written while locked"], read.State.Entries);
        Assert.Equal(grainState.ETag, read.ETag);
    }

    [Fact]
    public async Task On_an_immutable_file_the_database_starts_reports_unhealthy_refuses_writes_and_still_reads()
    {
        using var file = new TemporaryDatabaseFile();
        var grainId = GrainId.Create("readonly", "a");
        var written = new GrainState<JournalState>(new JournalState { Entries = ["written before the file became immutable"] });
        var creator = new SqliteDatabase(new SqliteStorageOptions { Path = file.Path });
        await creator.OnStartAsync(CancellationToken.None);
        try
        {
            await Storage(creator).WriteStateAsync(StateName, grainId, written, CancellationToken.None);
        }
        finally
        {
            await creator.OnStopAsync(CancellationToken.None);
            SqliteConnection.ClearAllPools();
        }

        output.WriteLine($"Files before chattr +i: {string.Join(", ", Directory.GetFiles(file.DirectoryPath).Select(Path.GetFileName))}");
        if (await ImmutableFile.TryMakeImmutableAsync(file.Path) is { } reason)
        {
            Prerequisite.NotMet(output.WriteLine, reason);
            return;
        }

        try
        {
            var readOnly = new SqliteDatabase(new SqliteStorageOptions { Path = file.Path, BusyTimeout = TimeSpan.FromSeconds(1) });
            await readOnly.OnStartAsync(CancellationToken.None);
            try
            {
                var health = await readOnly.CheckAsync(CancellationToken.None);
                output.WriteLine($"Health: {health}");
                Assert.False(health.IsHealthy);
                Assert.Contains(file.Path, health.Description, StringComparison.Ordinal);

                var update = new GrainState<JournalState>(new JournalState { Entries = ["must not be stored"] }) { ETag = written.ETag, RecordExists = true };
                await Assert.ThrowsAsync<GrainStorageException>(
                    () => Storage(readOnly).WriteStateAsync(StateName, grainId, update, CancellationToken.None));
                Assert.Equal(written.ETag, update.ETag);

                var read = new GrainState<JournalState>(new JournalState());
                await Storage(readOnly).ReadStateAsync(StateName, grainId, read, CancellationToken.None);
                Assert.Equal(written.State.Entries, read.State.Entries);
                Assert.Equal(written.ETag, read.ETag);
            }
            finally
            {
                await readOnly.OnStopAsync(CancellationToken.None);
            }
        }
        finally
        {
            Assert.Null(await ImmutableFile.TryMakeMutableAsync(file.Path));
        }
    }

    [Fact]
    public async Task A_thousand_concurrent_writes_to_different_grains_all_commit_and_read_back()
    {
        const int Writes = 1000;
        await using var database = await SqliteTestDatabase.StartAsync();
        var states = Enumerable.Range(0, Writes)
            .Select(i => (GrainId: GrainId.Create("group", i.ToString(CultureInfo.InvariantCulture)), State: new GrainState<JournalState>(new JournalState { Entries = [$"entry {i}"] })))
            .ToArray();

        await Task.WhenAll(states.Select(s => database.Storage.WriteStateAsync(StateName, s.GrainId, s.State, CancellationToken.None)))
            .WaitOrFail($"{Writes} concurrent writes");

        foreach (var (grainId, written) in states)
        {
            var read = new GrainState<JournalState>(new JournalState());
            await database.Storage.ReadStateAsync(StateName, grainId, read, CancellationToken.None);
            Assert.True(read.RecordExists, $"{grainId} was acknowledged but not stored.");
            Assert.Equal(written.State.Entries, read.State.Entries);
            Assert.Equal(written.ETag, read.ETag);
        }
    }

    [Fact]
    public async Task A_write_that_throws_fails_alone_and_the_writes_batched_with_it_commit()
    {
        await using var database = await SqliteTestDatabase.StartAsync();
        using var release = new ManualResetEventSlim();
        var writerHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Holds the single writer so that everything queued next is committed as one batch. A write delegate is
        // synchronous by contract, so holding the writer means blocking it on an event that the test sets.
        var gate = database.Database.WriteAsync((_, _) =>
        {
            writerHeld.SetResult();
            return release.Wait(TaskTimeoutExtensions.DefaultLimit);
        });
        await writerHeld.Task.WaitOrFail("the writer to pick up the gate write");
        var before = Enumerable.Range(0, 10).Select(i => WriteEntryAsync(database, $"before-{i}")).ToArray();
        var culprit = database.Database.WriteAsync<int>((_, _) => throw new InvalidOperationException("a bug in a write delegate"));
        var after = Enumerable.Range(0, 10).Select(i => WriteEntryAsync(database, $"after-{i}")).ToArray();
        release.Set();

        Assert.True(await gate.WaitOrFail("the gate write"));
        var failure = await Assert.ThrowsAsync<GrainStorageException>(() => culprit.WaitOrFail("the failing write"));
        Assert.IsType<InvalidOperationException>(failure.InnerException);
        foreach (var (grainId, written) in await Task.WhenAll(before.Concat(after)).WaitOrFail("the neighbours of the failing write"))
        {
            var read = new GrainState<JournalState>(new JournalState());
            await database.Storage.ReadStateAsync(StateName, grainId, read, CancellationToken.None);
            Assert.Equal(written.State.Entries, read.State.Entries);
            Assert.Equal(written.ETag, read.ETag);
        }
    }

    private static SqliteGrainStorage Storage(SqliteDatabase database) => new(database, GrainStateSerializer.Default, new ManualTimeProvider());

    private static async Task<(GrainId GrainId, GrainState<JournalState> State)> WriteEntryAsync(SqliteTestDatabase database, string key)
    {
        var grainId = GrainId.Create("batched", key);
        var state = new GrainState<JournalState>(new JournalState { Entries = [key] });
        await database.Storage.WriteStateAsync(StateName, grainId, state, CancellationToken.None);
        return (grainId, state);
    }

    private static SqliteConnection OpenPlainConnection(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void InsertRow(SqliteConnection connection, GrainId grainId, string stateName, StoredRow row, string data)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO silo_grain_state (grain_type, grain_key, state_name, etag, data, modified_at)
            VALUES ($type, $key, $state, $etag, $data, $modified);
            """;
        command.Parameters.AddWithValue("$type", grainId.Type);
        command.Parameters.AddWithValue("$key", grainId.Key);
        command.Parameters.AddWithValue("$state", stateName);
        command.Parameters.AddWithValue("$etag", row.ETag);
        command.Parameters.AddWithValue("$data", data);
        command.Parameters.AddWithValue("$modified", row.ModifiedAt);
        command.ExecuteNonQuery();
    }

    private static List<StoredRow> ReadRows(SqliteConnection connection, GrainId grainId, string stateName)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT etag, CAST(data AS BLOB), modified_at FROM silo_grain_state
            WHERE grain_type = $type AND grain_key = $key AND state_name = $state;
            """;
        command.Parameters.AddWithValue("$type", grainId.Type);
        command.Parameters.AddWithValue("$key", grainId.Key);
        command.Parameters.AddWithValue("$state", stateName);
        using var reader = command.ExecuteReader();
        var rows = new List<StoredRow>();
        while (reader.Read())
        {
            rows.Add(new StoredRow(reader.GetString(0), reader.GetFieldValue<byte[]>(1), reader.GetInt64(2)));
        }

        return rows;
    }

    /// <summary>A row of silo_grain_state as stored, the data as raw bytes.</summary>
    private sealed record StoredRow(string ETag, byte[] Data, long ModifiedAt)
    {
        public bool Equals(StoredRow? other) =>
            other is not null && ETag == other.ETag && Data.AsSpan().SequenceEqual(other.Data) && ModifiedAt == other.ModifiedAt;

        public override int GetHashCode() => HashCode.Combine(ETag, Data.Length, ModifiedAt);
    }
}
