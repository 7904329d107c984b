using LlmMultiChat.Grains.Characters;
using Silo.Testing;

namespace LlmMultiChat.Grains.Tests.Characters;

public sealed class CharacterGrainTests
{
    private static readonly Persona Mira = new() { Name = "ミラ", Aliases = ["Mira"], Description = "案内係", Politeness = 2 };

    [Fact]
    public async Task A_created_character_has_its_persona_version_one_and_is_listed_and_resolvable()
    {
        await using var silo = await StartAsync();
        var grain = silo.GetGrain<ICharacterGrain>("mira");

        var profile = await grain.Create(Mira, "alice", CharacterVisibility.Public);

        Assert.Equal(("mira", Mira, "alice", 1), (profile.Id, profile.Persona, profile.OwnerId, profile.Version));
        var directory = silo.GetGrain<ICharacterDirectoryGrain>(ICharacterDirectoryGrain.Key);
        Assert.Equal(["mira"], (await directory.List(viewerId: "bob")).Select(c => c.Id));
        Assert.Equal("mira", await directory.Resolve("@MIRA"));
        Assert.Equal("mira", await directory.Resolve("ミラ"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Create(Mira, "alice", CharacterVisibility.Public));
    }

    [Fact]
    public async Task Every_change_keeps_the_previous_version_and_who_made_it()
    {
        await using var silo = await StartAsync();
        var grain = silo.GetGrain<ICharacterGrain>("mira");
        await grain.Create(Mira, "alice", CharacterVisibility.Public);
        silo.Time.Advance(TimeSpan.FromMinutes(5));

        var updated = await grain.Update(Mira with { Description = "旅の案内係" }, "bob");

        var versions = await grain.Versions();
        Assert.Equal(2, updated.Version);
        Assert.Equal([(1, "案内係", "alice"), (2, "旅の案内係", "bob")], versions.Select(v => (v.Version, v.Persona.Description, v.ChangedBy)));
        Assert.Equal(TimeSpan.FromMinutes(5), versions[1].ChangedAt - versions[0].ChangedAt);
        Assert.Equal(("bob", versions[0].ChangedAt), (updated.UpdatedBy, updated.CreatedAt));
    }

    [Fact]
    public async Task An_update_naming_a_stale_version_is_refused_and_changes_nothing()
    {
        await using var silo = await StartAsync();
        var grain = silo.GetGrain<ICharacterGrain>("mira");
        await grain.Create(Mira, "alice", CharacterVisibility.Public);
        await grain.Update(Mira with { Description = "v2" }, "bob", expectedVersion: 1);

        var conflict = await Assert.ThrowsAsync<CharacterVersionConflictException>(() => grain.Update(Mira with { Description = "late" }, "carol", expectedVersion: 1));

        Assert.Equal((1, 2), (conflict.ExpectedVersion, conflict.CurrentVersion));
        Assert.Equal("v2", (await grain.Profile())!.Persona.Description);
    }

    [Theory]
    [InlineData("", 2, 0.5, "Name")]
    [InlineData("ミラ", 4, 0.5, "Politeness")]
    [InlineData("ミラ", 2, 1.5, "Talkativeness")]
    [InlineData("ミラ", 2, double.NaN, "Talkativeness")]
    public async Task An_invalid_persona_is_refused_naming_the_field_and_nothing_is_stored(string name, int politeness, double talkativeness, string field)
    {
        await using var silo = await StartAsync();
        var grain = silo.GetGrain<ICharacterGrain>("bad");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => grain.Create(Mira with { Name = name, Politeness = politeness, Talkativeness = talkativeness }, "alice", CharacterVisibility.Public));

        Assert.Equal(field, error.ParamName);
        Assert.Null(await grain.Profile());
        Assert.Empty(await silo.GetGrain<ICharacterDirectoryGrain>(ICharacterDirectoryGrain.Key).List(null));
    }

    [Fact]
    public async Task Private_characters_are_listed_only_for_their_owner()
    {
        await using var silo = await StartAsync();
        await silo.GetGrain<ICharacterGrain>("mine").Create(Mira with { Name = "Secret" }, "alice", CharacterVisibility.Private);
        await silo.GetGrain<ICharacterGrain>("open").Create(Mira, "alice", CharacterVisibility.Public);
        var directory = silo.GetGrain<ICharacterDirectoryGrain>(ICharacterDirectoryGrain.Key);

        Assert.Equal(["open"], (await directory.List("bob")).Select(c => c.Id));
        Assert.Equal(["mine", "open"], (await directory.List("alice")).Select(c => c.Id));
    }

    [Fact]
    public async Task An_avatar_must_be_a_png_and_is_kept_apart_from_the_versions()
    {
        await using var silo = await StartAsync();
        var grain = silo.GetGrain<ICharacterGrain>("mira");
        await grain.Create(Mira, "alice", CharacterVisibility.Public);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8, .. new byte[17]];

        await Assert.ThrowsAsync<ArgumentException>(() => grain.SetAvatar("GIF89a not a png at all, just text"u8.ToArray(), "alice"));
        await grain.SetAvatar(png, "alice");

        Assert.Equal(png, await grain.Avatar());
        Assert.True((await grain.Profile())!.HasAvatar);
        Assert.Single(await grain.Versions());
    }

    [Fact]
    public async Task A_deleted_character_is_gone_from_the_directory_and_its_id_can_be_reused()
    {
        await using var silo = await StartAsync();
        var grain = silo.GetGrain<ICharacterGrain>("mira");
        await grain.Create(Mira, "alice", CharacterVisibility.Public);

        await grain.Delete("alice");

        Assert.Null(await grain.Profile());
        Assert.Null(await silo.GetGrain<ICharacterDirectoryGrain>(ICharacterDirectoryGrain.Key).Resolve("mira"));
        Assert.Equal(1, (await grain.Create(Mira with { Name = "新ミラ" }, "bob", CharacterVisibility.Public)).Version);
    }

    [Fact]
    public async Task Seeding_creates_the_three_upstream_characters_once_with_their_japanese_personas_and_aliases()
    {
        await using var silo = await StartAsync();

        Assert.Equal(3, await UpstreamCharacters.SeedAsync(silo.GrainFactory));
        Assert.Equal(0, await UpstreamCharacters.SeedAsync(silo.GrainFactory));

        var directory = silo.GetGrain<ICharacterDirectoryGrain>(ICharacterDirectoryGrain.Key);
        Assert.Equal(["クラリス", "ノクス", "ルミナ"], (await directory.List(null)).Select(c => c.Name));
        foreach (var (alias, id) in new[] { ("ルミナ", "lumina"), ("るみな", "lumina"), ("Claris", "clarisse"), ("clarissa", "clarisse"), ("ノクス", "nox"), ("NOX", "nox") })
        {
            Assert.Equal(id, await directory.Resolve(alias));
        }

        var nox = (await silo.GetGrain<ICharacterGrain>("nox").Profile())!;
        Assert.Equal((1, "system", CharacterVisibility.Public), (nox.Persona.Politeness, nox.OwnerId, nox.Visibility));
        Assert.StartsWith("エラーが発生しました", nox.Persona.FallbackLine, StringComparison.Ordinal);
    }

    private static Task<TestSilo> StartAsync() => CharacterSilo.StartAsync();
}
