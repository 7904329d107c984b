using LlmMultiChat.Grains.Conversations;
using LlmMultiChat.Grains.Memory;
using LlmMultiChat.Grains.Storage.Conversations;
using LlmMultiChat.Grains.Storage.Memory;
using Microsoft.Extensions.DependencyInjection;
using Silo.Storage.Sqlite;

namespace LlmMultiChat.Grains.Storage;

public static class GrainStorageServiceCollectionExtensions
{
    /// <summary>Keeps the grain-owned tables in the silo's SQLite file (call with the silo's UseSqlite).</summary>
    public static IServiceCollection AddSqliteGrainTables(this IServiceCollection services)
    {
        services.AddSingleton<ISqliteSchema, ConversationLogSchema>();
        services.AddSingleton<IConversationLog>(sp => new SqliteConversationLog(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<ISqliteSchema, SessionSummarySchema>();
        services.AddSingleton<ISessionSummaryStore>(sp => new SqliteSessionSummaryStore(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<ISqliteSchema, CharacterMemorySchema>();
        services.AddSingleton<ICharacterMemoryStore>(sp => new SqliteCharacterMemoryStore(sp.GetRequiredService<SqliteDatabase>()));
        return services;
    }
}
