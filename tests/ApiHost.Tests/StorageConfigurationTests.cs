using System.Net;
using LlmMultiChat.ApiHost.Tests.Grains;
using LlmMultiChat.ApiHost.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Silo;
using Silo.Hosting;
using Silo.Storage.Sqlite;
using Xunit.Abstractions;

namespace LlmMultiChat.ApiHost.Tests;

public sealed class StorageConfigurationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Memory_provider_starts_ready_stores_grain_state_and_creates_no_database_file()
    {
        using var database = new TempDatabase();
        await using var factory = new ApiHostFactory(
            database.Settings(("Storage:Provider", "memory")), services => services.AddSiloGrain<EchoGrain>());
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["silo"], (await response.ReadJsonAsync()).CheckNames());
        Assert.Equal("kept", await factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IEchoGrain>("m").Echo("kept"));
        Assert.False(File.Exists(database.Path), "The memory provider must not touch Storage:Sqlite:Path.");
    }

    [Fact]
    public async Task Sqlite_provider_stores_grain_state_in_the_configured_file()
    {
        using var database = new TempDatabase();
        await using var factory = new ApiHostFactory(database.Settings(), services => services.AddSiloGrain<EchoGrain>());
        var grains = factory.Services.GetRequiredService<IGrainFactory>();

        await grains.GetGrain<IEchoGrain>("k").Echo("stored in sqlite");

        var readOnly = new SqliteConnectionStringBuilder { DataSource = database.Path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        await using var connection = new SqliteConnection(readOnly.ToString());
        await connection.OpenAsync();
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT data FROM silo_grain_state WHERE grain_type = $type AND grain_key = 'k';";
        query.Parameters.AddWithValue("$type", EchoGrain.TypeName);
        Assert.Contains("stored in sqlite", Assert.IsType<string>(await query.ExecuteScalarAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sqlite_BusyTimeout_sets_how_long_storage_connections_wait_for_a_lock()
    {
        using var database = new TempDatabase();
        await using var factory = new ApiHostFactory(database.Settings(("Storage:Sqlite:BusyTimeout", "00:00:07")));

        await using var connection = factory.Services.GetRequiredService<SqliteDatabase>().OpenConnection();

        Assert.Equal(7, connection.DefaultTimeout);
    }

    [Theory]
    [InlineData("Storage:Provider", "postgres", new[] { "Storage:Provider", "PostgreSQL storage is not implemented yet" })]
    [InlineData("Storage:Provider", "mongodb", new[] { "Storage:Provider is 'mongodb'", "Valid values: 'sqlite' (the default), 'memory', 'postgres'" })]
    [InlineData("Storage:Sqlite:Synchronous", "Sometimes", new[] { "Storage:Sqlite:Synchronous" })]
    [InlineData("Storage:Sqlite:BusyTimout", "00:00:01", new[] { "Configuration section Storage:Sqlite", "'BusyTimout'" })]
    [InlineData("Silo:CallTimeout", "00:00:00", new[] { "Silo option CallTimeout must be positive" })]
    [InlineData("Cluster:Enabled", "true", new[] { "Cluster:Enabled", "not implemented yet" })]
    public async Task A_setting_that_cannot_be_honoured_fails_startup_with_a_message_naming_it(string key, string value, string[] expected)
    {
        using var database = new TempDatabase();

        var message = await StartupFailure(database.Settings((key, value)));

        foreach (var fragment in expected)
        {
            Assert.Contains(fragment, message, StringComparison.Ordinal);
        }
    }

    /// <summary>Starts the host expecting it to fail; returns the messages of the exception and its causes.</summary>
    private async Task<string> StartupFailure(Dictionary<string, string?> settings)
    {
        await using var factory = new ApiHostFactory(settings);
        var error = Record.Exception(() => factory.CreateClient().Dispose());
        Assert.NotNull(error);
        var messages = new List<string>();
        for (var current = error; current is not null; current = current.InnerException)
        {
            messages.Add($"{current.GetType().Name}: {current.Message}");
        }

        var message = string.Join(" <- ", messages);
        output.WriteLine(message);
        return message;
    }
}
