namespace LlmMultiChat.ApiHost.Hosting;

/// <summary>Where grain state, reminders and grain-owned tables live (configuration section "Storage").</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The configuration key operators set (ARCHITECTURE §12).</summary>
    public const string ProviderKey = SectionName + ":" + nameof(Provider);

    /// <summary>The section bound to <see cref="Silo.Storage.Sqlite.SqliteStorageOptions"/>.</summary>
    public const string SqliteSectionName = SectionName + ":Sqlite";

    /// <summary>The embedded database (the default).</summary>
    public const string Sqlite = "sqlite";

    /// <summary>State kept in memory, lost on restart (development and tests).</summary>
    public const string Memory = "memory";

    /// <summary>PostgreSQL, for cluster mode.</summary>
    public const string Postgres = "postgres";

    /// <summary><c>sqlite</c> (default), <c>memory</c> or <c>postgres</c>; case-insensitive.</summary>
    public string Provider { get; set; } = Sqlite;
}
