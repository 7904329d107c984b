using LlmMultiChat.Grains.Memory;

namespace LlmMultiChat.Grains.Storage.Tests.Memory;

/// <summary>What every ISessionSummaryStore does; each implementation runs the whole suite.</summary>
public abstract class SessionSummaryStoreConformanceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    protected ISessionSummaryStore Store { get; private set; } = null!;

    public async Task InitializeAsync() => Store = await CreateAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_added_summary_is_found_for_each_of_its_users_with_every_field()
    {
        var summary = Summary("s1", "c1", T0, "alice", "bob") with
        {
            Text = "ポチの話をした。\n'; DROP TABLE x; --\n<b>三行目</b>",
            Keywords = ["ポチ", "犬"],
            CharacterIds = ["lumina", "nox"],
            Vector = [0.25f, -1.5f, float.Epsilon, 3.0e30f],
        };

        await Store.AddAsync(summary, CancellationToken.None);

        AssertSame(summary, await Store.FindAsync("s1", "alice", CancellationToken.None));
        AssertSame(summary, await Store.FindAsync("s1", "bob", CancellationToken.None));
    }

    [Fact]
    public async Task A_summary_is_not_found_for_someone_who_did_not_take_part_nor_under_an_unknown_id()
    {
        await Store.AddAsync(Summary("s1", "c1", T0, "alice"), CancellationToken.None);

        Assert.Null(await Store.FindAsync("s1", "mallory", CancellationToken.None));
        Assert.Null(await Store.FindAsync("s2", "alice", CancellationToken.None));
    }

    [Fact]
    public async Task Adding_a_summary_kept_for_nobody_is_refused_and_stores_nothing()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.AddAsync(Summary("s1", "c1", T0), CancellationToken.None));

        Assert.Equal(0, await Store.DeleteOlderThanAsync(DateTimeOffset.MaxValue, CancellationToken.None));
    }

    [Fact]
    public async Task Adding_an_id_twice_is_refused_and_keeps_the_first()
    {
        await Store.AddAsync(Summary("s1", "c1", T0, "alice"), CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.AddAsync(Summary("s1", "c2", T0, "bob"), CancellationToken.None));

        Assert.Equal("c1", (await Store.FindAsync("s1", "alice", CancellationToken.None))!.ConversationId);
        Assert.Null(await Store.FindAsync("s1", "bob", CancellationToken.None));
    }

    [Fact]
    public async Task A_users_summaries_come_newest_first_from_since_on_and_only_theirs()
    {
        await Store.AddAsync(Summary("old", "c1", T0, "alice"), CancellationToken.None);
        await Store.AddAsync(Summary("new", "c2", T0.AddHours(2), "alice", "bob"), CancellationToken.None);
        await Store.AddAsync(Summary("mid", "c1", T0.AddHours(1), "alice"), CancellationToken.None);
        await Store.AddAsync(Summary("bobs", "c3", T0.AddHours(3), "bob"), CancellationToken.None);

        Assert.Equal(["new", "mid", "old"], (await Store.ForUserAsync("alice", T0, CancellationToken.None)).Select(s => s.Id));
        Assert.Equal(["new", "mid"], (await Store.ForUserAsync("alice", T0.AddHours(1), CancellationToken.None)).Select(s => s.Id));
        Assert.Empty(await Store.ForUserAsync("alice", T0.AddHours(2).AddMilliseconds(1), CancellationToken.None));
        Assert.Equal(["alice", "bob"], (await Store.ForUserAsync("alice", T0, CancellationToken.None))[0].UserIds);
        Assert.Empty(await Store.ForUserAsync("mallory", T0, CancellationToken.None));
    }

    [Fact]
    public async Task Forgetting_keeps_the_summary_for_the_others_and_deletes_it_with_the_last()
    {
        await Store.AddAsync(Summary("s1", "c1", T0, "alice", "bob"), CancellationToken.None);

        Assert.True(await Store.ForgetAsync("s1", "alice", CancellationToken.None));
        Assert.Null(await Store.FindAsync("s1", "alice", CancellationToken.None));
        Assert.Equal(["bob"], (await Store.FindAsync("s1", "bob", CancellationToken.None))!.UserIds);

        Assert.True(await Store.ForgetAsync("s1", "bob", CancellationToken.None));
        Assert.Null(await Store.FindAsync("s1", "bob", CancellationToken.None));
        Assert.Equal(0, await Store.DeleteOlderThanAsync(DateTimeOffset.MaxValue, CancellationToken.None));
    }

    [Fact]
    public async Task Forgetting_what_the_user_does_not_keep_is_false_and_changes_nothing()
    {
        await Store.AddAsync(Summary("s1", "c1", T0, "alice"), CancellationToken.None);

        Assert.False(await Store.ForgetAsync("s1", "mallory", CancellationToken.None));
        Assert.False(await Store.ForgetAsync("unknown", "alice", CancellationToken.None));
        Assert.True(await Store.ForgetAsync("s1", "alice", CancellationToken.None));
        Assert.False(await Store.ForgetAsync("s1", "alice", CancellationToken.None));
    }

    [Fact]
    public async Task Erasing_a_user_deletes_every_summary_they_took_part_in_for_everyone()
    {
        await Store.AddAsync(Summary("shared", "c1", T0, "alice", "bob"), CancellationToken.None);
        await Store.AddAsync(Summary("hers", "c2", T0, "alice"), CancellationToken.None);
        await Store.AddAsync(Summary("his", "c1", T0, "bob"), CancellationToken.None);

        Assert.Equal(2, await Store.EraseUserAsync("alice", CancellationToken.None));

        Assert.Empty(await Store.ForUserAsync("alice", T0, CancellationToken.None));
        Assert.Equal(["his"], (await Store.ForUserAsync("bob", T0, CancellationToken.None)).Select(s => s.Id));
        Assert.Equal(0, await Store.EraseUserAsync("alice", CancellationToken.None));
    }

    [Fact]
    public async Task Deleting_a_conversation_deletes_its_summaries_only()
    {
        await Store.AddAsync(Summary("a", "c1", T0, "alice", "bob"), CancellationToken.None);
        await Store.AddAsync(Summary("b", "c1", T0.AddHours(1), "alice"), CancellationToken.None);
        await Store.AddAsync(Summary("c", "c2", T0, "alice"), CancellationToken.None);

        Assert.Equal(2, await Store.DeleteConversationAsync("c1", CancellationToken.None));

        Assert.Equal(["c"], (await Store.ForUserAsync("alice", T0, CancellationToken.None)).Select(s => s.Id));
        Assert.Empty(await Store.ForUserAsync("bob", T0, CancellationToken.None));
        Assert.Equal(0, await Store.DeleteConversationAsync("c1", CancellationToken.None));
    }

    [Fact]
    public async Task Deleting_older_than_a_cutoff_keeps_those_at_or_after_it()
    {
        await Store.AddAsync(Summary("before", "c1", T0.AddMilliseconds(-1), "alice", "bob"), CancellationToken.None);
        await Store.AddAsync(Summary("at", "c1", T0, "alice"), CancellationToken.None);
        await Store.AddAsync(Summary("after", "c2", T0.AddDays(1), "bob"), CancellationToken.None);

        Assert.Equal(1, await Store.DeleteOlderThanAsync(T0, CancellationToken.None));

        Assert.Equal(["at"], (await Store.ForUserAsync("alice", DateTimeOffset.MinValue, CancellationToken.None)).Select(s => s.Id));
        Assert.Equal(["after"], (await Store.ForUserAsync("bob", DateTimeOffset.MinValue, CancellationToken.None)).Select(s => s.Id));
    }

    protected abstract Task<ISessionSummaryStore> CreateAsync();

    private static SessionSummary Summary(string id, string conversationId, DateTimeOffset createdAt, params string[] userIds) =>
        new(id, conversationId, userIds, ["lumina"], $"summary {id}", ["keyword"], "hashing:4:1-3", [1f, 0f, 0f, 0f], 0, 11, 12, createdAt);

    /// <summary>Records compare lists by reference, so field by field.</summary>
    private static void AssertSame(SessionSummary expected, SessionSummary? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { UserIds = [], CharacterIds = [], Keywords = [], Vector = [] }, actual with { UserIds = [], CharacterIds = [], Keywords = [], Vector = [] });
        Assert.Equal(expected.UserIds, actual.UserIds);
        Assert.Equal(expected.CharacterIds, actual.CharacterIds);
        Assert.Equal(expected.Keywords, actual.Keywords);
        Assert.Equal(expected.Vector, actual.Vector);
    }
}
