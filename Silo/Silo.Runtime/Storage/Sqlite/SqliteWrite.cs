using Microsoft.Data.Sqlite;

namespace Silo.Storage.Sqlite;

/// <summary>One write, run by the database's writer inside the batch's transaction.</summary>
public delegate T SqliteWrite<out T>(SqliteConnection connection, SqliteTransaction transaction);
