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
    private readonly SqliteStorageOptions _options;
    private readonly ISqliteSchema[] _schemas;
    private readonly string _connectionString;
    private readonly string _probeConnectionString;
    private readonly Channel<WriteOperation> _queue = Channel.CreateUnbounded<WriteOperation>(new UnboundedChannelOptions { SingleReader = true });
    private SqliteConnection? _writer;
    private Task? _writeLoop;

    public SqliteDatabase(SqliteStorageOptions options)
        : this(options, [])
    {
    }

    /// <param name="schemas">Modules whose tables live in this file besides the runtime's own.</param>
    public SqliteDatabase(SqliteStorageOptions options, IEnumerable<ISqliteSchema> schemas)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(schemas);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatchSize, 1);
        _options = options;
        _schemas = [new SiloSchema(), .. schemas];
        var duplicate = _schemas.GroupBy(s => s.ModuleName, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two SQLite schemas claim the module '{duplicate.Key}'.", nameof(schemas));
        }

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

    /// <summary>Runs SQL without parameters (schema statements).</summary>
    public static int Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
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

    /// <summary>
    /// Brings every module's tables up to date, in one transaction. Reads first and writes nothing when all are
    /// current, so a read-only file still opens (and reports unhealthy) instead of failing the process.
    /// </summary>
    private void Migrate(SqliteConnection connection)
    {
        if (_schemas.All(schema => StoredVersion(connection, null, schema.ModuleName) == schema.Version))
        {
            return;
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_versions (module TEXT PRIMARY KEY, version INTEGER NOT NULL) WITHOUT ROWID;");
        foreach (var schema in _schemas)
        {
            var stored = StoredVersion(connection, transaction, schema.ModuleName);
            if (stored > schema.Version)
            {
                throw new GrainStorageException(
                    $"The database {FullPath} has module '{schema.ModuleName}' at schema version {stored}, newer than this build understands ({schema.Version}).");
            }

            if (stored < schema.Version)
            {
                schema.Upgrade(connection, transaction, stored);
                using var record = connection.CreateCommand();
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_versions (module, version) VALUES ($module, $version) ON CONFLICT (module) DO UPDATE SET version = excluded.version;";
                record.Parameters.AddWithValue("$module", schema.ModuleName);
                record.Parameters.AddWithValue("$version", schema.Version);
                record.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }

    private static int StoredVersion(SqliteConnection connection, SqliteTransaction? transaction, string module)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_versions';";
        if (command.ExecuteScalar() is null)
        {
            return 0;
        }

        command.CommandText = "SELECT version FROM schema_versions WHERE module = $module;";
        command.Parameters.AddWithValue("$module", module);
        return command.ExecuteScalar() is { } version ? Convert.ToInt32(version, CultureInfo.InvariantCulture) : 0;
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
