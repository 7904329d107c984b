using System.Globalization;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Silo.Hosting;

namespace Silo.Storage.Sqlite;

/// <summary>
/// One SQLite database file in WAL mode. Reads use pooled connections and run concurrently. Writes go through a
/// single writer that commits whatever has queued up in one transaction (group commit): one fsync serves many
/// writers, every write is acknowledged only once durable, and writers never contend for SQLite's lock.
/// </summary>
public sealed class SqliteDatabase : ISiloLifecycleParticipant, IStorageHealthProbe, IAsyncDisposable
{
    private const int SchemaVersion = 1;

    private readonly SqliteStorageOptions _options;
    private readonly string _connectionString;
    private readonly string _probeConnectionString;
    private readonly Channel<WriteOperation> _queue = Channel.CreateUnbounded<WriteOperation>(new UnboundedChannelOptions { SingleReader = true });
    private SqliteConnection? _writer;
    private Task? _writeLoop;

    public SqliteDatabase(SqliteStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatchSize, 1);
        _options = options;
        FullPath = System.IO.Path.GetFullPath(options.Path);
        _connectionString = ConnectionString(options.BusyTimeout);
        _probeConnectionString = ConnectionString(TimeSpan.FromSeconds(1));
    }

    /// <summary>The absolute path of the database file.</summary>
    public string FullPath { get; }

    public int Stage => SiloStage.Storage;

    public string Name => "sqlite";

    /// <summary>Opens a pooled connection for reads (writes belong on <see cref="WriteAsync{T}"/>).</summary>
    public SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Queues a write; completes once the transaction holding it has committed.</summary>
    /// <exception cref="GrainStorageException">The database could not commit (read-only, locked, full, I/O error).</exception>
    public Task<T> WriteAsync<T>(SqliteWrite<T> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        cancellationToken.ThrowIfCancellationRequested();
        var operation = new WriteOperation<T>(write);
        if (!_queue.Writer.TryWrite(operation))
        {
            throw new GrainStorageException($"The SQLite database {FullPath} is closed.");
        }

        return operation.Task;
    }

    public Task OnStartAsync(CancellationToken cancellationToken)
    {
        var directory = System.IO.Path.GetDirectoryName(FullPath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _writer = new SqliteConnection(_connectionString);
        _writer.Open();
        Execute(_writer, null, $"PRAGMA journal_mode=WAL; PRAGMA synchronous={_options.Synchronous.ToString().ToUpperInvariant()};");
        Migrate(_writer);
        _writeLoop = Task.Run(WriteLoopAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Drains the queue (every accepted write commits) and closes the writer.</summary>
    public async Task OnStopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        if (_writeLoop is not null)
        {
            await _writeLoop.ConfigureAwait(false);
        }

        if (_writer is not null)
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
            _writer = null;
        }

        SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
        SqliteConnection.ClearPool(new SqliteConnection(_probeConnectionString));
    }

    /// <summary>Healthy when a write transaction can be opened now: the file is writable and not locked.</summary>
    public Task<StorageHealth> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var connection = new SqliteConnection(_probeConnectionString);
            connection.Open();
            using var transaction = connection.BeginTransaction(deferred: false);
            Execute(connection, transaction, "INSERT OR REPLACE INTO silo_health_probe (id, probed_at) VALUES (1, 0);");
            transaction.Rollback();
        }
        catch (SqliteException ex)
        {
            return Task.FromResult(StorageHealth.Unhealthy($"SQLite {FullPath} cannot take writes: {ex.Message}"));
        }

        return Task.FromResult(StorageHealth.Healthy($"SQLite {FullPath} is writable."));
    }

    public async ValueTask DisposeAsync() => await OnStopAsync(CancellationToken.None).ConfigureAwait(false);

    internal static int Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    private string ConnectionString(TimeSpan busyTimeout) => new SqliteConnectionStringBuilder
    {
        DataSource = FullPath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds)),
    }.ToString();

    /// <summary>Brings the schema up to date. Writes nothing when it already is, so a read-only file still opens.</summary>
    private void Migrate(SqliteConnection connection)
    {
        var version = UserVersion(connection, null);
        if (version == SchemaVersion)
        {
            return;
        }

        if (version > SchemaVersion)
        {
            throw new GrainStorageException($"The database {FullPath} has schema version {version}, newer than this build understands ({SchemaVersion}).");
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        version = UserVersion(connection, transaction);
        if (version < 1)
        {
            Execute(connection, transaction, """
                CREATE TABLE silo_grain_state (
                    grain_type  TEXT    NOT NULL,
                    grain_key   TEXT    NOT NULL,
                    state_name  TEXT    NOT NULL,
                    etag        TEXT    NOT NULL,
                    data        TEXT    NOT NULL,
                    modified_at INTEGER NOT NULL,
                    PRIMARY KEY (grain_type, grain_key, state_name)
                ) WITHOUT ROWID;
                CREATE TABLE silo_reminders (
                    grain_type    TEXT    NOT NULL,
                    grain_key     TEXT    NOT NULL,
                    reminder_name TEXT    NOT NULL,
                    start_at      INTEGER NOT NULL,
                    period_ms     INTEGER NOT NULL,
                    etag          TEXT    NOT NULL,
                    PRIMARY KEY (grain_type, grain_key, reminder_name)
                ) WITHOUT ROWID;
                CREATE TABLE silo_health_probe (
                    id        INTEGER PRIMARY KEY,
                    probed_at INTEGER NOT NULL
                );
                """);
        }

        Execute(connection, transaction, $"PRAGMA user_version = {SchemaVersion};");
        transaction.Commit();
    }

    private static int UserVersion(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(read.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<WriteOperation>(_options.MaxBatchSize);
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < _options.MaxBatchSize && reader.TryRead(out var operation))
            {
                batch.Add(operation);
            }

            Commit(batch);
            batch.Clear();
        }
    }

    /// <summary>
    /// Commits a batch in one transaction. If the transaction cannot start or commit (locked, read-only, full),
    /// every write in it fails at once. If one write throws, it alone fails and the others are committed without it.
    /// </summary>
    private void Commit(List<WriteOperation> batch)
    {
        var writer = _writer!;
        WriteOperation? culprit = null;
        Exception? error = null;
        try
        {
            using var transaction = writer.BeginTransaction(deferred: false);
            foreach (var operation in batch)
            {
                try
                {
                    operation.Execute(writer, transaction);
                }
                catch (Exception ex)
                {
                    // Any failure (SQLite's, or a bug in a write delegate) belongs to the write that caused it.
                    culprit = operation;
                    error = ex;
                    break;
                }
            }

            if (culprit is null)
            {
                transaction.Commit();
            }
        }
        catch (SqliteException ex)
        {
            foreach (var operation in batch)
            {
                operation.Fail(StorageFailure(ex));
            }

            return;
        }

        if (culprit is null)
        {
            foreach (var operation in batch)
            {
                operation.Complete();
            }

            return;
        }

        culprit.Fail(StorageFailure(error!));
        var others = batch.Where(operation => !ReferenceEquals(operation, culprit)).ToList();
        if (others.Count > 0)
        {
            Commit(others);
        }
    }

    private GrainStorageException StorageFailure(Exception error) =>
        new($"A write to SQLite {FullPath} failed and was not committed: {error.Message}", error);

    private abstract class WriteOperation
    {
        public abstract void Execute(SqliteConnection connection, SqliteTransaction transaction);

        public abstract void Complete();

        public abstract void Fail(Exception error);
    }

    private sealed class WriteOperation<T>(SqliteWrite<T> write) : WriteOperation
    {
        // Continuations must not run on the writer: they would stall every queued write behind them.
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T _result = default!;

        public Task<T> Task => _completion.Task;

        public override void Execute(SqliteConnection connection, SqliteTransaction transaction) => _result = write(connection, transaction);

        public override void Complete() => _completion.TrySetResult(_result);

        public override void Fail(Exception error) => _completion.TrySetException(error);
    }
}
