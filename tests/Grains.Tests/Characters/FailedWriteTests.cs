using LlmMultiChat.Grains.Characters;
using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Tests.Support;
using LlmMultiChat.Grains.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Silo.Storage;
using Silo.Testing;

namespace LlmMultiChat.Grains.Tests.Characters;

/// <summary>When storage refuses a write, the grain keeps what storage holds: the next call sees no phantom change.</summary>
public sealed class FailedWriteTests
{
    private static readonly Persona Mira = new() { Name = "ミラ" };

    [Fact]
    public async Task A_character_whose_creation_or_update_could_not_be_written_is_as_it_was()
    {
        var storage = new FailingWritesStorage();
        await using var silo = await StartAsync(storage);
        var grain = silo.GetGrain<ICharacterGrain>("mira");

        storage.FailWrites = true;
        await Assert.ThrowsAsync<GrainStorageException>(() => grain.Create(Mira, "alice", CharacterVisibility.Public));
        Assert.Null(await grain.Profile());

        storage.FailWrites = false;
        await grain.Create(Mira, "alice", CharacterVisibility.Public);
        storage.FailWrites = true;
        await Assert.ThrowsAsync<GrainStorageException>(() => grain.Update(Mira with { Description = "never stored" }, "alice"));
        await Assert.ThrowsAsync<GrainStorageException>(() => grain.SetAvatar([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8, .. new byte[17]], "alice"));

        var profile = await grain.Profile();
        Assert.Equal((1, string.Empty, false), (profile!.Version, profile.Persona.Description, profile.HasAvatar));
        Assert.Null(await grain.Avatar());
    }

    [Fact]
    public async Task A_conversation_whose_change_could_not_be_written_is_as_it_was()
    {
        var storage = new FailingWritesStorage();
        await using var silo = await StartAsync(storage);
        await UpstreamCharacters.SeedAsync(silo.GrainFactory);
        var conversation = silo.GetGrain<IChatSessionGrain>("c1");
        await conversation.Create(new ConversationSpec(new ConversationMember("alice", "アリス"), ["lumina"], "最初の題"));

        storage.FailWrites = true;
        await Assert.ThrowsAsync<GrainStorageException>(() => conversation.Update(new ConversationUpdate(Title: "書けない題", Policy: TurnPolicy.Manual)));
        await Assert.ThrowsAsync<GrainStorageException>(() => conversation.AddHuman(new ConversationMember("bob", "ボブ")));

        var info = await conversation.Info();
        Assert.Equal(("最初の題", TurnPolicy.Natural, 1), (info!.Title, info.Policy, info.Humans.Count));
    }

    private static Task<TestSilo> StartAsync(FailingWritesStorage storage) =>
        TestSilo.StartAsync(
            b => b.AddGrain<CharacterGrain>().AddGrain<CharacterDirectoryGrain>().AddGrain<ChatSessionGrain>().AddGrain<UserGrain>(),
            services =>
            {
                // Registered after the test silo's memory storage, so it is the "Default" store grains get.
                services.AddKeyedSingleton<IGrainStorage>("Default", storage);
                services.AddChatGrains(new ConfigurationBuilder().Build());
            });
}
