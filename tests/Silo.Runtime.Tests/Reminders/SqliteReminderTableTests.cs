using Silo.Reminders;
using Silo.Runtime.Tests.Storage;
using Silo.Storage.Sqlite;

namespace Silo.Runtime.Tests.Reminders;

public sealed class SqliteReminderTableTests
{
    private static readonly DateTimeOffset s_start = new(2026, 3, 1, 9, 1, 0, TimeSpan.Zero);
    private static readonly GrainId s_grain = GrainId.Create("remindable", "a");
    private static readonly GrainId s_otherGrain = GrainId.Create("remindable", "b");

    [Fact]
    public async Task An_upserted_reminder_reads_back_equal()
    {
        await using var database = await SqliteTestDatabase.StartAsync();
        var table = new SqliteReminderTable(database.Database);

        var entry = await table.UpsertAsync(s_grain, "daily", s_start, TimeSpan.FromHours(24), CancellationToken.None);

        Assert.Equal(new ReminderEntry(s_grain, "daily", s_start, TimeSpan.FromHours(24), entry.ETag), entry);
        Assert.Equal(entry, await table.ReadAsync(s_grain, "daily", CancellationToken.None));
        Assert.Equal([entry], await table.ReadAsync(s_grain, CancellationToken.None));
        Assert.Equal([entry], await table.ReadAllAsync(CancellationToken.None));
        Assert.Null(await table.ReadAsync(s_grain, "weekly", CancellationToken.None));
    }

    [Fact]
    public async Task Upserting_an_existing_name_replaces_it_with_a_new_etag()
    {
        await using var database = await SqliteTestDatabase.StartAsync();
        var table = new SqliteReminderTable(database.Database);
        var first = await table.UpsertAsync(s_grain, "r", s_start, TimeSpan.FromMinutes(1), CancellationToken.None);

        var second = await table.UpsertAsync(s_grain, "r", s_start.AddHours(1), TimeSpan.FromMinutes(5), CancellationToken.None);

        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Equal([second], await table.ReadAsync(s_grain, CancellationToken.None));
    }

    [Fact]
    public async Task Removing_with_a_stale_etag_returns_false_and_keeps_the_reminder()
    {
        await using var database = await SqliteTestDatabase.StartAsync();
        var table = new SqliteReminderTable(database.Database);
        var stale = await table.UpsertAsync(s_grain, "r", s_start, TimeSpan.FromMinutes(1), CancellationToken.None);
        var current = await table.UpsertAsync(s_grain, "r", s_start, TimeSpan.FromMinutes(2), CancellationToken.None);

        Assert.False(await table.RemoveAsync(s_grain, "r", stale.ETag, CancellationToken.None));

        Assert.Equal(current, await table.ReadAsync(s_grain, "r", CancellationToken.None));
    }

    [Fact]
    public async Task Removing_with_the_current_etag_deletes_only_that_reminder_once()
    {
        await using var database = await SqliteTestDatabase.StartAsync();
        var table = new SqliteReminderTable(database.Database);
        var removed = await table.UpsertAsync(s_grain, "r", s_start, TimeSpan.FromMinutes(1), CancellationToken.None);
        var sibling = await table.UpsertAsync(s_grain, "other", s_start, TimeSpan.FromMinutes(1), CancellationToken.None);
        var sameNameOtherGrain = await table.UpsertAsync(s_otherGrain, "r", s_start, TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.True(await table.RemoveAsync(s_grain, "r", removed.ETag, CancellationToken.None));
        Assert.False(await table.RemoveAsync(s_grain, "r", removed.ETag, CancellationToken.None));

        Assert.Null(await table.ReadAsync(s_grain, "r", CancellationToken.None));
        Assert.Equal([sibling], await table.ReadAsync(s_grain, CancellationToken.None));
        Assert.Equal([sameNameOtherGrain], await table.ReadAsync(s_otherGrain, CancellationToken.None));
    }

    [Fact]
    public async Task Reminders_survive_closing_and_reopening_the_database()
    {
        await using var database = await SqliteTestDatabase.StartAsync();
        var entry = await new SqliteReminderTable(database.Database).UpsertAsync(s_grain, "r", s_start, TimeSpan.FromMinutes(3), CancellationToken.None);
        await database.Database.OnStopAsync(CancellationToken.None);

        var reopened = new SqliteDatabase(new SqliteStorageOptions { Path = database.File.Path });
        await reopened.OnStartAsync(CancellationToken.None);
        try
        {
            Assert.Equal([entry], await new SqliteReminderTable(reopened).ReadAllAsync(CancellationToken.None));
        }
        finally
        {
            await reopened.OnStopAsync(CancellationToken.None);
        }
    }
}
