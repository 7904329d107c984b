using LlmMultiChat.Grains.Memory;

namespace LlmMultiChat.Grains.Storage.Tests.Memory;

/// <summary>What every ICharacterMemoryStore does; each implementation runs the whole suite.</summary>
public abstract class CharacterMemoryStoreConformanceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    protected ICharacterMemoryStore Store { get; private set; } = null!;

    public async Task InitializeAsync() => Store = await CreateAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Saved_rows_read_back_equal_per_character_and_user_oldest_first()
    {
        var memories = new[] { Memory("m2", "alice", 2), Memory("m1", "alice", 1), Memory("b1", "bob", 1) };
        var lesson = new Lesson("l1", "alice", "短く答える。", "長すぎる '; DROP TABLE x; --", T0, "hashing:4", [0, 1, 0, 0]);

        await Store.SaveAsync("lumina", new MemoryChanges(memories, [], [lesson], []), CancellationToken.None);
        await Store.SaveAsync("nox", new MemoryChanges([Memory("n1", "alice", 1)], [], [], []), CancellationToken.None);
        var alice = await Store.ReadAsync("lumina", "alice", CancellationToken.None);

        Assert.Equal(["m1", "m2"], alice.Memories.Select(m => m.Id));
        AssertSame(memories[1], alice.Memories[0]);
        Assert.Equal(lesson.Vector, Assert.Single(alice.Lessons).Vector);
        Assert.Equal(lesson with { Vector = [] }, alice.Lessons[0] with { Vector = [] });
        Assert.Equal(["b1"], (await Store.ReadAsync("lumina", "bob", CancellationToken.None)).Memories.Select(m => m.Id));
        Assert.Empty((await Store.ReadAsync("clarisse", "alice", CancellationToken.None)).Memories);
    }

    [Fact]
    public async Task A_saved_row_replaces_the_row_with_its_id_and_deletions_remove_rows_and_ignore_unknown_ids()
    {
        await Store.SaveAsync("lumina", new MemoryChanges([Memory("m1", "alice", 1), Memory("m2", "alice", 2)], [], [], []), CancellationToken.None);

        var consolidated = Memory("m1", "alice", 1) with { Consolidated = true, Contradicts = "m0" };
        await Store.SaveAsync("lumina", new MemoryChanges([consolidated], [new("alice", "m2"), new("alice", "unknown")], [], [new("alice", "nothing")]), CancellationToken.None);

        var kept = Assert.Single((await Store.ReadAsync("lumina", "alice", CancellationToken.None)).Memories);
        AssertSame(consolidated, kept);
    }

    [Fact]
    public async Task The_characters_keeping_something_of_a_user_are_listed_and_a_deleted_character_keeps_nothing()
    {
        await Store.SaveAsync("lumina", new MemoryChanges([Memory("m1", "alice", 1)], [], [], []), CancellationToken.None);
        await Store.SaveAsync("nox", new MemoryChanges([], [], [new Lesson("l1", "alice", "t", "s", T0, "m", [1])], []), CancellationToken.None);
        await Store.SaveAsync("clarisse", new MemoryChanges([Memory("c1", "bob", 1)], [], [], []), CancellationToken.None);

        var before = await Store.CharactersKeepingAsync("alice", CancellationToken.None);
        await Store.DeleteCharacterAsync("lumina", CancellationToken.None);

        Assert.Equal(["lumina", "nox"], before);
        Assert.Equal(["nox"], await Store.CharactersKeepingAsync("alice", CancellationToken.None));
        Assert.Empty((await Store.ReadAsync("lumina", "alice", CancellationToken.None)).Memories);
        Assert.Equal(["clarisse"], await Store.CharactersKeepingAsync("bob", CancellationToken.None));
    }

    protected abstract Task<ICharacterMemoryStore> CreateAsync();

    private static LongTermMemory Memory(string id, string userId, int minutes) =>
        new(id, userId, $"犬の名前は「ポチ」 {id} 🐕", "msg-" + id, 0.25 + (minutes / 100.0), T0.AddMinutes(minutes), "hashing:4", [0.5f, -0.25f, 0.125f, 1e-7f]);

    /// <summary>Records compare arrays by reference; this compares every field, the vector by value.</summary>
    private static void AssertSame(LongTermMemory expected, LongTermMemory actual)
    {
        Assert.Equal(expected.Vector, actual.Vector);
        Assert.Equal(expected with { Vector = [] }, actual with { Vector = [] });
    }
}
