using System.Text.Json;
using LlmMultiChat.Grains.Conversations;
using Microsoft.Data.Sqlite;
using Silo.Storage.Sqlite;

namespace LlmMultiChat.Grains.Storage.Conversations;

/// <summary>
/// The conversation log in the silo's SQLite file. Writes go through the database's group-commit writer, in the
/// order they are made, so a reply's completion never overtakes its append; reads use pooled connections.
/// </summary>
public sealed class SqliteConversationLog(SqliteDatabase database) : IConversationLog
{
    private const string Columns = "conversation_id, idx, id, speaker_kind, speaker_id, speaker_name, content, status, created_at, completed_at, error, usage";

    public Task AppendAsync(ChatMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return database.WriteAsync(
            (connection, transaction) =>
            {
                using var command = connection.Command(transaction, $"INSERT INTO conversation_messages ({Columns}) VALUES ($conversation, $idx, $id, $kind, $speakerId, $speakerName, $content, $status, $created, $completed, $error, $usage);");
                Bind(command, message);
                return command.ExecuteNonQuery();
            },
            cancellationToken);
    }

    public async Task CompleteAsync(ChatMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var updated = await database.WriteAsync(
            (connection, transaction) =>
            {
                using var command = connection.Command(transaction, """
                    UPDATE conversation_messages
                    SET content = $content, status = $status, completed_at = $completed, error = $error, usage = $usage
                    WHERE conversation_id = $conversation AND idx = $idx AND id = $id;
                    """);
                Bind(command, message);
                return command.ExecuteNonQuery();
            },
            cancellationToken).ConfigureAwait(false);
        if (updated != 1)
        {
            throw new KeyNotFoundException($"Message {message.Id} is not in conversation {message.ConversationId}.");
        }
    }

    public Task<IReadOnlyList<ChatMessage>> ReadAsync(string conversationId, long? beforeIndex, int limit, CancellationToken cancellationToken)
    {
        using var connection = database.OpenConnection();
        using var command = connection.Command(null, $"""
            SELECT {Columns} FROM (
                SELECT {Columns} FROM conversation_messages
                WHERE conversation_id = $conversation AND idx < $before
                ORDER BY idx DESC LIMIT $limit)
            ORDER BY idx;
            """);
        command.Parameters.AddWithValue("$conversation", conversationId);
        command.Parameters.AddWithValue("$before", beforeIndex ?? long.MaxValue);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var messages = new List<ChatMessage>();
        while (reader.Read())
        {
            messages.Add(Read(reader));
        }

        return Task.FromResult<IReadOnlyList<ChatMessage>>(messages);
    }

    public Task<long> NextIndexAsync(string conversationId, CancellationToken cancellationToken)
    {
        using var connection = database.OpenConnection();
        using var command = connection.Command(null, "SELECT COALESCE(MAX(idx) + 1, 0) FROM conversation_messages WHERE conversation_id = $conversation;");
        command.Parameters.AddWithValue("$conversation", conversationId);
        return Task.FromResult((long)command.ExecuteScalar()!);
    }

    public Task<int> FailUnfinishedAsync(string conversationId, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync(
            (connection, transaction) =>
            {
                using var command = connection.Command(transaction, """
                    UPDATE conversation_messages SET status = 'Failed', error = $error, completed_at = $completed
                    WHERE conversation_id = $conversation AND status = 'Streaming';
                    """);
                command.Parameters.AddWithValue("$conversation", conversationId);
                command.Parameters.AddWithValue("$error", reason);
                command.Parameters.AddWithValue("$completed", at.ToUnixTimeMilliseconds());
                return command.ExecuteNonQuery();
            },
            cancellationToken);

    public Task<ChatMessage?> FindAsync(string messageId, CancellationToken cancellationToken)
    {
        using var connection = database.OpenConnection();
        using var command = connection.Command(null, $"SELECT {Columns} FROM conversation_messages WHERE id = $id;");
        command.Parameters.AddWithValue("$id", messageId);
        using var reader = command.ExecuteReader();
        return Task.FromResult(reader.Read() ? Read(reader) : null);
    }

    public Task RateAsync(MessageFeedback feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        return database.WriteAsync(
            (connection, transaction) =>
            {
                using var command = connection.Command(transaction, """
                    INSERT INTO message_feedback (message_id, user_id, conversation_id, character_id, rating, rated_at)
                    VALUES ($message, $user, $conversation, $character, $rating, $rated)
                    ON CONFLICT (message_id, user_id) DO UPDATE SET rating = excluded.rating, rated_at = excluded.rated_at;
                    """);
                command.Parameters.AddWithValue("$message", feedback.MessageId);
                command.Parameters.AddWithValue("$user", feedback.UserId);
                command.Parameters.AddWithValue("$conversation", feedback.ConversationId);
                command.Parameters.AddWithValue("$character", feedback.CharacterId);
                command.Parameters.AddWithValue("$rating", feedback.Rating.ToString());
                command.Parameters.AddWithValue("$rated", feedback.RatedAt.ToUnixTimeMilliseconds());
                return command.ExecuteNonQuery();
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<MessageFeedback>> FeedbackAsync(string messageId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MessageFeedback>>(ReadFeedback("message_id = $key ORDER BY user_id", messageId));

    /// <summary>Messages and their feedback go in one transaction, so no rating outlives its message.</summary>
    public Task DeleteAsync(string conversationId, CancellationToken cancellationToken) =>
        database.WriteAsync(
            (connection, transaction) =>
            {
                using var command = connection.Command(transaction, """
                    DELETE FROM message_feedback WHERE conversation_id = $conversation;
                    DELETE FROM conversation_messages WHERE conversation_id = $conversation;
                    """);
                command.Parameters.AddWithValue("$conversation", conversationId);
                return command.ExecuteNonQuery();
            },
            cancellationToken);

    public Task<IReadOnlyList<string>> ConversationsOfAsync(string userId, CancellationToken cancellationToken)
    {
        using var connection = database.OpenConnection();
        using var command = connection.Command(null, """
            SELECT conversation_id FROM conversation_messages WHERE speaker_kind = 'Human' AND speaker_id = $user
            UNION SELECT conversation_id FROM message_feedback WHERE user_id = $user
            ORDER BY 1;
            """);
        command.Parameters.AddWithValue("$user", userId);
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return Task.FromResult<IReadOnlyList<string>>(ids);
    }

    public Task<IReadOnlyList<MessageFeedback>> FeedbackByAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MessageFeedback>>(ReadFeedback("user_id = $key ORDER BY rated_at, message_id", userId));

    /// <summary>The turns the human started are found before their messages lose their speaker, in the same transaction.</summary>
    public Task<int> EraseHumanAsync(string conversationId, string userId, CancellationToken cancellationToken) =>
        database.WriteAsync(
            (connection, transaction) =>
            {
                using var replies = connection.Command(transaction, """
                    UPDATE conversation_messages SET content = ''
                    WHERE conversation_id = $conversation AND speaker_kind = 'Character'
                      AND (SELECT h.speaker_id FROM conversation_messages h
                           WHERE h.conversation_id = $conversation AND h.speaker_kind = 'Human' AND h.idx < conversation_messages.idx
                           ORDER BY h.idx DESC LIMIT 1) = $user;
                    """);
                using var said = connection.Command(transaction, """
                    UPDATE conversation_messages SET speaker_id = $erasedId, speaker_name = $erasedName, content = ''
                    WHERE conversation_id = $conversation AND speaker_kind = 'Human' AND speaker_id = $user;
                    """);
                using var ratings = connection.Command(transaction, "DELETE FROM message_feedback WHERE conversation_id = $conversation AND user_id = $user;");
                foreach (var command in new[] { replies, said, ratings })
                {
                    command.Parameters.AddWithValue("$conversation", conversationId);
                    command.Parameters.AddWithValue("$user", userId);
                }

                said.Parameters.AddWithValue("$erasedId", ErasedHuman.Id);
                said.Parameters.AddWithValue("$erasedName", ErasedHuman.Name);
                var redacted = replies.ExecuteNonQuery() + said.ExecuteNonQuery();
                ratings.ExecuteNonQuery();
                return redacted;
            },
            cancellationToken);

    private List<MessageFeedback> ReadFeedback(string where, string key)
    {
        using var connection = database.OpenConnection();
        using var command = connection.Command(null, $"""
            SELECT message_id, user_id, conversation_id, character_id, rating, rated_at
            FROM message_feedback WHERE {where};
            """);
        command.Parameters.AddWithValue("$key", key);
        using var reader = command.ExecuteReader();
        var feedback = new List<MessageFeedback>();
        while (reader.Read())
        {
            feedback.Add(new MessageFeedback(
                MessageId: reader.GetString(0),
                UserId: reader.GetString(1),
                ConversationId: reader.GetString(2),
                CharacterId: reader.GetString(3),
                Rating: Enum.Parse<FeedbackRating>(reader.GetString(4)),
                RatedAt: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))));
        }

        return feedback;
    }


    private static void Bind(SqliteCommand command, ChatMessage message)
    {
        command.Parameters.AddWithValue("$conversation", message.ConversationId);
        command.Parameters.AddWithValue("$idx", message.Index);
        command.Parameters.AddWithValue("$id", message.Id);
        command.Parameters.AddWithValue("$kind", message.SpeakerKind.ToString());
        command.Parameters.AddWithValue("$speakerId", message.SpeakerId);
        command.Parameters.AddWithValue("$speakerName", message.SpeakerName);
        command.Parameters.AddWithValue("$content", message.Content);
        command.Parameters.AddWithValue("$status", message.Status.ToString());
        command.Parameters.AddWithValue("$created", message.CreatedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$completed", (object?)message.CompletedAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        command.Parameters.AddWithValue("$error", (object?)message.Error ?? DBNull.Value);
        command.Parameters.AddWithValue("$usage", message.Usage is null ? DBNull.Value : JsonSerializer.Serialize(message.Usage));
    }

    private static ChatMessage Read(SqliteDataReader reader) => new(
        Id: reader.GetString(2),
        ConversationId: reader.GetString(0),
        Index: reader.GetInt64(1),
        SpeakerKind: Enum.Parse<SpeakerKind>(reader.GetString(3)),
        SpeakerId: reader.GetString(4),
        SpeakerName: reader.GetString(5),
        Content: reader.GetString(6),
        Status: Enum.Parse<MessageStatus>(reader.GetString(7)),
        CreatedAt: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)),
        CompletedAt: reader.IsDBNull(9) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)),
        Error: reader.IsDBNull(10) ? null : reader.GetString(10),
        Usage: reader.IsDBNull(11) ? null : JsonSerializer.Deserialize<ReplyUsage>(reader.GetString(11)));
}
