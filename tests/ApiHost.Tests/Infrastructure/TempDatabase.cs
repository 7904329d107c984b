using Silo.Testing;

namespace LlmMultiChat.ApiHost.Tests.Infrastructure;

/// <summary>A test's own SQLite file (see <see cref="TemporaryDatabaseFile"/>) and the host settings that point at it.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly TemporaryDatabaseFile _file = new();

    /// <summary>The database file (created by the host on start, not here).</summary>
    public string Path => _file.Path;

    /// <summary>Settings for a host on this database, plus any extra ones.</summary>
    public Dictionary<string, string?> Settings(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:Provider"] = "sqlite",
            ["Storage:Sqlite:Path"] = Path,
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    public void Dispose() => _file.Dispose();
}
