using Dapper;
using Diligence.Core.Audit;
using Diligence.Core.Reviews;
using Diligence.Data.Sqlite;

namespace Diligence.Data.SqlServer;

public sealed class SqlServerReviewStore(SqlServerConnectionFactory connections) : IReviewStore
{
    private const string ReviewColumns = """
        r.id AS Id, r.vendor_id AS VendorId, r.questionnaire_id AS QuestionnaireId,
        r.questionnaire_version AS QuestionnaireVersion, r.questionnaire_hash AS QuestionnaireHash, r.status AS Status,
        r.owner_id AS OwnerId, r.decision AS Decision, r.decision_rationale AS DecisionRationale,
        r.previous_review_id AS PreviousReviewId, r.created_at AS CreatedAt, r.updated_at AS UpdatedAt, r.version AS Version,
        r.decided_by AS DecidedBy, r.decided_at AS DecidedAt
        """;

    private const string CreateSql = """
        INSERT INTO reviews (id, vendor_id, questionnaire_id, questionnaire_version, questionnaire_hash, status, owner_id,
                             decision, decision_rationale, previous_review_id, created_at, updated_at, version,
                             decided_by, decided_at)
        VALUES (@Id, @VendorId, @QuestionnaireId, @QuestionnaireVersion, @QuestionnaireHash, @Status, @OwnerId,
                @Decision, @DecisionRationale, @PreviousReviewId, @CreatedAt, @UpdatedAt, 1, @DecidedBy, @DecidedAt)
        """;

    // Everything the earlier review carries forward, counted; findings get new ids and keep the rest.
    private const string CarryForwardSql = """
        INSERT INTO answer_history (review_id, [key], version, old_value_json, new_value_json, changed_by, changed_at)
        SELECT @to, [key], 1, NULL, value_json, @userId, @at FROM answers WHERE review_id = @from AND value_json IS NOT NULL;

        INSERT INTO answers (review_id, [key], value_json, version, updated_by, updated_at)
        SELECT @to, [key], value_json, 1, @userId, @at FROM answers WHERE review_id = @from AND value_json IS NOT NULL;
        DECLARE @answers int = @@ROWCOUNT;

        INSERT INTO answer_provenance (review_id, [key], vendor_id, vendor_value_json, vendor_updated_at, confirmed_by, confirmed_at, vendor_as_of)
        SELECT @to, p.[key], p.vendor_id, p.vendor_value_json, p.vendor_updated_at, p.confirmed_by, p.confirmed_at, p.vendor_as_of
        FROM answer_provenance p
        WHERE p.review_id = @from AND EXISTS (SELECT 1 FROM answers a WHERE a.review_id = @to AND a.[key] = p.[key]);
        DECLARE @provenance int = @@ROWCOUNT;

        INSERT INTO findings (id, review_id, source, source_id, severity, text, owner, status, withdrawn, created_at, updated_at, version, raised_by)
        SELECT NEWID(), @to, source, source_id, severity, text, owner, status, 0, created_at, @at, 1, raised_by
        FROM findings WHERE review_id = @from AND withdrawn = 0;

        SELECT @answers AS Answers, @provenance AS Provenance, @@ROWCOUNT AS Findings;
        """;

    private const string GetSql = $"SELECT {ReviewColumns} FROM reviews r WHERE r.id = @id";

    // The update lock keeps the row until commit, so the checks below and the write see the same version.
    private const string GetForUpdateSql = $"SELECT {ReviewColumns} FROM reviews r WITH (UPDLOCK, HOLDLOCK) WHERE r.id = @Id";

    private const string ListSql = $"""
        SELECT {ReviewColumns}, v.name AS VendorName, v.product AS VendorProduct, u.display_name AS OwnerDisplayName
        FROM reviews r
        JOIN vendors v ON v.id = r.vendor_id
        JOIN users u ON u.id = r.owner_id
        WHERE @status IS NULL OR r.status = @status
        ORDER BY r.updated_at DESC, r.id
        """;

    private const string ReassessmentSql = $"""
        SELECT TOP (1) {ReviewColumns} FROM reviews r WHERE r.previous_review_id = @reviewId ORDER BY r.created_at, r.id
        """;

    private const string PageSql = ListSql + " OFFSET @skip ROWS FETCH NEXT @take ROWS ONLY";

    private const string CountSql = "SELECT COUNT(*) FROM reviews r WHERE @status IS NULL OR r.status = @status";

    private const string UpdateSql = """
        UPDATE reviews
        SET status = @Status, owner_id = @OwnerId, decision = @Decision, decision_rationale = @DecisionRationale,
            decided_by = @DecidedBy, decided_at = @DecidedAt,
            updated_at = @UpdatedAt, version = version + 1
        WHERE id = @Id AND version = @expectedVersion;
        SELECT @@ROWCOUNT;
        """;

    public async Task CreateAsync(Review review, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(review);
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            CreateSql, InsertParameters(review), transaction, cancellationToken: cancellationToken));
        await SqlServerAuditStore.CommitAsync(connections, connection, transaction, audit, cancellationToken);
    }

    public async Task<CarriedForward> CreateReassessmentAsync(
        Review reassessment, Guid userId, DateTimeOffset at, Func<CarriedForward, AuditEntry>? audit = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reassessment);
        var from = reassessment.PreviousReviewId
            ?? throw new ArgumentException("A re-assessment names the review it re-assesses.", nameof(reassessment));
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            CreateSql, InsertParameters(reassessment), transaction, cancellationToken: cancellationToken));
        var carried = await connection.QuerySingleAsync<CarriedForward>(new CommandDefinition(
            CarryForwardSql, new { from, to = reassessment.Id, userId, at }, transaction, cancellationToken: cancellationToken));
        await SqlServerAuditStore.CommitAsync(connections, connection, transaction, audit?.Invoke(carried), cancellationToken);
        return carried;
    }

    private static object InsertParameters(Review review) => new
    {
        review.Id,
        review.VendorId,
        review.QuestionnaireId,
        review.QuestionnaireVersion,
        review.QuestionnaireHash,
        Status = review.Status.ToString(),
        review.OwnerId,
        Decision = review.Decision?.ToString(),
        review.DecisionRationale,
        review.PreviousReviewId,
        review.CreatedAt,
        review.UpdatedAt,
        review.DecidedBy,
        review.DecidedAt,
    };

    public async Task<Review?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ReviewRow>(new CommandDefinition(GetSql, new { id }, cancellationToken: cancellationToken));
        return row?.ToReview();
    }

    public async Task<IReadOnlyList<ReviewSummary>> ListAsync(ReviewStatus? status = null, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ReviewSummaryRow>(new CommandDefinition(
            ListSql, new { status = status?.ToString() }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToSummary())];
    }

    public async Task<Review?> FindReassessmentAsync(Guid reviewId, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<ReviewRow>(new CommandDefinition(
            ReassessmentSql, new { reviewId }, cancellationToken: cancellationToken));
        return row?.ToReview();
    }

    public async Task<ReviewPage> PageAsync(ReviewStatus? status, int skip, int take, CancellationToken cancellationToken = default)
    {
        using var connection = await connections.OpenAsync(cancellationToken);
        var parameters = new { status = status?.ToString(), skip = Math.Max(0, skip), take = Math.Max(0, take) };
        var rows = await connection.QueryAsync<ReviewSummaryRow>(new CommandDefinition(PageSql, parameters, cancellationToken: cancellationToken));
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(CountSql, parameters, cancellationToken: cancellationToken));
        return new ReviewPage([.. rows.Select(r => r.ToSummary())], total);
    }

    public async Task<int> UpdateAsync(Review updated, int expectedVersion, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(updated);
        using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction();
        var current = await connection.QuerySingleOrDefaultAsync<ReviewRow>(new CommandDefinition(
            GetForUpdateSql, new { updated.Id }, transaction, cancellationToken: cancellationToken))
            ?? throw new KeyNotFoundException($"Review {updated.Id} does not exist.");
        if (current.Version != expectedVersion)
        {
            throw new ConcurrencyConflictException(nameof(Review), updated.Id, expectedVersion, current.Version);
        }

        if (ReviewLifecycle.IsLocked(current.Status))
        {
            throw new InvalidOperationException($"Review {updated.Id} is decided and locked; start a re-assessment instead.");
        }

        if (current.Status != updated.Status && !ReviewLifecycle.CanMove(current.Status, updated.Status))
        {
            throw new InvalidOperationException($"Review {updated.Id} cannot move from {current.Status} to {updated.Status}.");
        }

        var changed = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            UpdateSql,
            new
            {
                updated.Id,
                Status = updated.Status.ToString(),
                updated.OwnerId,
                Decision = updated.Decision?.ToString(),
                updated.DecisionRationale,
                updated.DecidedBy,
                updated.DecidedAt,
                updated.UpdatedAt,
                expectedVersion,
            },
            transaction,
            cancellationToken: cancellationToken));
        if (changed != 1)
        {
            throw new ConcurrencyConflictException(nameof(Review), updated.Id, expectedVersion, current.Version);
        }

        await SqlServerAuditStore.CommitAsync(connections, connection, transaction, audit, cancellationToken);
        return expectedVersion + 1;
    }
}
