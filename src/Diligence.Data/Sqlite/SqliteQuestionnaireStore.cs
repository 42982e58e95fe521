using Dapper;
using Diligence.Core.Audit;
using Diligence.Core.Reviews;

namespace Diligence.Data.Sqlite;

public sealed class SqliteQuestionnaireStore(SqliteConnectionFactory connections) : IQuestionnaireStore
{
    private const string SelectQuestionnaire = """
        SELECT id AS Id, version AS Version, content_hash AS ContentHash, title AS Title, yaml AS Yaml, published_at AS PublishedAt
        FROM questionnaires
        """;

    public async Task<bool> PublishAsync(StoredQuestionnaire questionnaire, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        using var write = await connections.BeginWriteAsync(cancellationToken);
        var connection = write.Connection;
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO questionnaires (id, version, content_hash, title, yaml, published_at)
            VALUES (@Id, @Version, @ContentHash, @Title, @Yaml, @PublishedAt)
            ON CONFLICT (id, version) DO NOTHING
            """,
            questionnaire,
            write.Transaction,
            cancellationToken: cancellationToken));
        if (inserted == 1)
        {
            write.Commit(audit);
            return true;
        }

        var publishedHash = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT content_hash FROM questionnaires WHERE id = @Id AND version = @Version",
            new { questionnaire.Id, questionnaire.Version },
            write.Transaction,
            cancellationToken: cancellationToken));
        if (!string.Equals(publishedHash, questionnaire.ContentHash, StringComparison.Ordinal))
        {
            throw new PublishedVersionChangedException(questionnaire.Id, questionnaire.Version, publishedHash ?? "", questionnaire.ContentHash);
        }

        return false;
    }

    public async Task<StoredQuestionnaire?> GetAsync(string id, string version, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StoredQuestionnaire>(new CommandDefinition(
            SelectQuestionnaire + " WHERE id = @id AND version = @version",
            new { id, version },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<StoredQuestionnaire>> ListAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var questionnaires = await connection.QueryAsync<StoredQuestionnaire>(new CommandDefinition(
            SelectQuestionnaire + " ORDER BY id, published_at, version",
            cancellationToken: cancellationToken));
        return [.. questionnaires];
    }
}
