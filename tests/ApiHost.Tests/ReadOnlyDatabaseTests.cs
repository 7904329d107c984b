using System.Net;
using LlmMultiChat.ApiHost.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Silo.Testing;
using Xunit.Abstractions;

namespace LlmMultiChat.ApiHost.Tests;

public sealed class ReadOnlyDatabaseTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Ready_returns_503_naming_the_file_when_the_database_is_read_only()
    {
        using var database = new TempDatabase();
        await using (var creator = new ApiHostFactory(database.Settings()))
        {
            using var client = creator.CreateClient();
            using var created = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        }

        SqliteConnection.ClearAllPools();

        if (await ImmutableFile.TryMakeImmutableAsync(database.Path) is { } reason)
        {
            Prerequisite.NotMet(output.WriteLine, $"cannot make {database.Path} read-only: {reason}");
            return;
        }

        try
        {
            await using var factory = new ApiHostFactory(database.Settings());
            using var client = factory.CreateClient();

            using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var sqlite = (await response.ReadJsonAsync()).Check("sqlite");
            output.WriteLine(sqlite.ToString());
            Assert.Equal("Unhealthy", sqlite.String("status"));
            Assert.Contains(database.Path, sqlite.String("description"), StringComparison.Ordinal);
            Assert.Contains("readonly", sqlite.String("description"), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            var undo = await ImmutableFile.TryMakeMutableAsync(database.Path);
            Assert.True(undo is null, $"chattr -i {database.Path} failed: {undo}. Remove the attribute by hand.");
        }
    }
}
