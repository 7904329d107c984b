using System.Net;
using LlmMultiChat.ApiHost.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Silo.Hosting;

namespace LlmMultiChat.ApiHost.Tests;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Live_returns_200_and_checks_only_the_process()
    {
        using var database = new TempDatabase();
        await using var factory = new ApiHostFactory(database.Settings());
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("Healthy", body.String("status"));
        Assert.Equal(["self"], body.CheckNames());
    }

    [Fact]
    public async Task Ready_returns_200_with_the_sqlite_and_silo_checks_healthy()
    {
        using var database = new TempDatabase();
        await using var factory = new ApiHostFactory(database.Settings());
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("Healthy", body.String("status"));
        var sqlite = body.Check("sqlite");
        Assert.Equal("Healthy", sqlite.String("status"));
        Assert.Contains(database.Path, sqlite.String("description"), StringComparison.Ordinal);
        Assert.Equal("Healthy", body.Check("silo").String("status"));
        Assert.True(File.Exists(database.Path), $"The host should have created {database.Path}.");
    }

    [Fact]
    public async Task Ready_returns_503_naming_sqlite_while_another_connection_holds_an_exclusive_lock_and_200_after_release()
    {
        using var database = new TempDatabase();
        await using var factory = new ApiHostFactory(database.Settings(("Storage:Sqlite:BusyTimeout", "00:00:01")));
        using var client = factory.CreateClient();
        var ready = new Uri("/health/ready", UriKind.Relative);
        using (var before = await client.GetAsync(ready))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var lockerConnection = new SqliteConnectionStringBuilder { DataSource = database.Path, Pooling = false }.ToString();
        await using (var locker = new SqliteConnection(lockerConnection))
        {
            await locker.OpenAsync();
            await Execute(locker, "BEGIN EXCLUSIVE;");

            using var locked = await client.GetAsync(ready);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, locked.StatusCode);
            var body = await locked.ReadJsonAsync();
            Assert.Equal("Unhealthy", body.String("status"));
            var sqlite = body.Check("sqlite");
            Assert.Equal("Unhealthy", sqlite.String("status"));
            Assert.Contains("locked", sqlite.String("description"), StringComparison.OrdinalIgnoreCase);
            Assert.Equal("Healthy", body.Check("silo").String("status"));

            // Liveness checks no dependency: a locked database must not get the process restarted.
            using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);

            await Execute(locker, "ROLLBACK;");
        }

        using var after = await client.GetAsync(ready);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal("Healthy", (await after.ReadJsonAsync()).Check("sqlite").String("status"));
    }

    [Fact]
    public async Task Ready_returns_503_naming_the_silo_once_it_is_no_longer_running()
    {
        using var database = new TempDatabase();
        await using var factory = new ApiHostFactory(database.Settings());
        using var client = factory.CreateClient();
        var ready = new Uri("/health/ready", UriKind.Relative);
        using (var running = await client.GetAsync(ready))
        {
            Assert.Equal(HttpStatusCode.OK, running.StatusCode);
        }

        await factory.Services.GetRequiredService<SiloHost>().StopAsync();

        using var stopped = await client.GetAsync(ready);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, stopped.StatusCode);
        var silo = (await stopped.ReadJsonAsync()).Check("silo");
        Assert.Equal("Unhealthy", silo.String("status"));
        Assert.Contains("Stopped", silo.String("description"), StringComparison.Ordinal);
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
