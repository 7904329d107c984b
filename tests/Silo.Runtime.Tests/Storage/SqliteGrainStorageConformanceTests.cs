namespace Silo.Runtime.Tests.Storage;

/// <summary>The conformance suite on a fresh SQLite file per test, with the production defaults (WAL, synchronous FULL).</summary>
public sealed class SqliteGrainStorageConformanceTests : GrainStorageConformanceTests
{
    protected override async Task<StorageUnderTest> CreateStorageAsync()
    {
        var database = await SqliteTestDatabase.StartAsync();
        return new StorageUnderTest(database.Storage, database);
    }
}
