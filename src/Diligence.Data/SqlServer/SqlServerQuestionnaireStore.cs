using Dapper;
using Diligence.Core.Audit;
using Diligence.Core.Reviews;

namespace Diligence.Data.SqlServer;

public sealed class SqlServerQuestionnaireStore(SqlServerConnectionFactory connections) : IQuestionnaireStore
{
    private const string SelectQuestionnaire = """
        SELECT id AS Id, version AS Version, content_hash AS ContentHash, title AS Title, yaml AS Yaml, published_at AS PublishedAt
        FROM questionnaires
        """;

    // One statement: the key-range lock makes a concurrent publish of the same version wait, then insert nothing.
    private const string PublishSql = """
        INSERT INTO questionnaires (id, version, content_hash, title, yaml, published_at)
        SELECT @Id, @Version, @ContentHash, @Title, @Yaml, @PublishedAt
        WHERE NOT EXISTS (SELECT 1 FROM questionnaires WITH (UPDLOCK, HOLDLOCK) WHERE id = @Id AND version = @Version)
        """;

    private const string PublishedHashSql = "SELECT content_hash FROM questionnaires WHERE id = @Id AND version = @Version";

    private const string GetSql = SelectQuestionnaire + " WHERE id = @id AND version = @version";

    private const string ListSql = SelectQuestionnaire + " ORDER BY id, published_at, version";

    public async Task<bool> PublishAsync(StoredQuestionnaire questionnaire, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(PublishSql, questionnaire, transaction, cancellationToken: cancellationToken)) == 1)
        {
            await SqlServerAuditStore.CommitAsync(connections, connection, transaction, audit, cancellationToken);
            return true;
        }

        var publishedHash = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            PublishedHashSql, new { questionnaire.Id, questionnaire.Version }, transaction, cancellationToken: cancellationToken));
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
            GetSql, new { id, version }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<StoredQuestionnaire>> ListAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<StoredQuestionnaire>(new CommandDefinition(ListSql, cancellationToken: cancellationToken))];
    }
}
