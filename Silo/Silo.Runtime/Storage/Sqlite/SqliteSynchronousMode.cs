namespace Silo.Storage.Sqlite;

/// <summary>SQLite's PRAGMA synchronous values.</summary>
public enum SqliteSynchronousMode
{
    Off,
    Normal,
    Full,
}
