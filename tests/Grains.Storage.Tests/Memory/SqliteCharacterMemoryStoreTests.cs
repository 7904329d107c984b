using LlmMultiChat.Grains.Memory;
using LlmMultiChat.Grains.Storage.Memory;
using Silo.Storage.Sqlite;
using Silo.Testing;

namespace LlmMultiChat.Grains.Storage.Tests.Memory;

public sealed class SqliteCharacterMemoryStoreTests : CharacterMemoryStoreConformanceTests
{
    private TemporarySqliteDatabase? _sqlite;

    public override async Task DisposeAsync()
    {
        if (_sqlite is not null)
        {
            await _sqlite.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    [Theory]
    [InlineData("SELECT * FROM character_memories WHERE character_id = 'c' AND user_id = 'u'")]
    [InlineData("SELECT character_id FROM character_memories WHERE user_id = 'u'")]
    [InlineData("SELECT * FROM character_lessons WHERE character_id = 'c' AND user_id = 'u'")]
    [InlineData("SELECT character_id FROM character_lessons WHERE user_id = 'u'")]
    public void Loading_a_users_rows_and_finding_who_keeps_a_user_search_by_user_not_the_characters_rows(string query)
    {
        using var connection = _sqlite!.Database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + query;
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());

        var plan = reader.GetString(3);
        Assert.StartsWith("SEARCH", plan, StringComparison.Ordinal);
        Assert.Contains("user_id=?", plan, StringComparison.Ordinal);
    }

    protected override async Task<ICharacterMemoryStore> CreateAsync()
    {
        _sqlite = await TemporarySqliteDatabase.StartAsync(new CharacterMemorySchema());
        return new SqliteCharacterMemoryStore(_sqlite.Database);
    }
}
