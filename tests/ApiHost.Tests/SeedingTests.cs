using LlmMultiChat.ApiHost.Tests.Infrastructure;
using LlmMultiChat.Grains.Characters;
using Microsoft.Extensions.DependencyInjection;
using Silo;

namespace LlmMultiChat.ApiHost.Tests;

public sealed class SeedingTests
{
    [Fact]
    public async Task The_upstream_characters_are_seeded_on_first_run_and_edits_survive_a_restart()
    {
        using var database = new TempDatabase();
        await using (var first = new ApiHostFactory(database.Settings()))
        {
            first.CreateClient().Dispose();
            var grains = first.Services.GetRequiredService<IGrainFactory>();
            var lumina = grains.GetGrain<ICharacterGrain>(UpstreamCharacters.LuminaId);
            Assert.Equal("ルミナ", (await lumina.Profile())!.Persona.Name);
            await lumina.Update(UpstreamCharacters.Lumina with { Description = "編集済み" }, "admin");
        }

        await using var second = new ApiHostFactory(database.Settings());
        second.CreateClient().Dispose();
        var directory = second.Services.GetRequiredService<IGrainFactory>().GetGrain<ICharacterDirectoryGrain>(ICharacterDirectoryGrain.Key);

        Assert.Equal(["clarisse", "lumina", "nox"], (await directory.List(null)).Select(c => c.Id).Order());
        var profile = await second.Services.GetRequiredService<IGrainFactory>().GetGrain<ICharacterGrain>("lumina").Profile();
        Assert.Equal(("編集済み", 2), (profile!.Persona.Description, profile.Version));
    }

    [Fact]
    public async Task Seeding_that_cannot_write_does_not_stop_the_node_and_readiness_reports_the_storage()
    {
        using var database = new TempDatabase();
        await using (var first = new ApiHostFactory(database.Settings()))
        {
            first.CreateClient().Dispose();
        }

        // The schema is current but the characters are gone, so the next start must write them, while the file is locked.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var locked = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database.Path};Pooling=False");
        await locked.OpenAsync();
        await using (var command = locked.CreateCommand())
        {
            command.CommandText = "DELETE FROM silo_grain_state; BEGIN EXCLUSIVE;";
            await command.ExecuteNonQueryAsync();
        }

        await using var factory = new ApiHostFactory(database.Settings(("Storage:Sqlite:BusyTimeout", "00:00:01")));
        using var client = factory.CreateClient();
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Null(await factory.Services.GetRequiredService<IGrainFactory>().GetGrain<ICharacterGrain>("lumina").Profile());
    }
}
