using Diligence.Core.Accounts;
using Diligence.Core.Audit;
using Diligence.Core.Reviews;
using Diligence.Core.Vendors;

namespace Diligence.Data.Tests.Contracts;

/// <summary>Builders for valid records; tests override what they are about with <c>with</c>.</summary>
internal static class TestData
{
    /// <summary>Not UTC on purpose: stores keep the instant, whatever the offset.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 13, 30, 15, 123, TimeSpan.FromHours(1));

    public static Vendor Vendor(string name = "Astronomer", string? product = "Astro") =>
        new(Guid.NewGuid(), name, product, "https://www.astronomer.io/trust", "security@astronomer.io", Now);

    public static UserAccount User(string? email = null, Role role = Role.Reviewer, string displayName = "Riley Reviewer") =>
        new(Guid.NewGuid(), email ?? $"{Guid.NewGuid():N}@example.com", displayName, "AQAAAAIAAYagAAAAEhash", role, null, false, Now);

    public static StoredQuestionnaire Questionnaire(string version = "1.0.0", string contentHash = "sha256:1f2e3d") =>
        new("vendor-security-diligence", version, contentHash, "Vendor security diligence", "id: vendor-security-diligence\n", Now);

    public static Review Review(Guid vendorId, Guid ownerId, StoredQuestionnaire questionnaire, ReviewStatus status = ReviewStatus.Draft) =>
        new(
            Guid.NewGuid(),
            vendorId,
            questionnaire.Id,
            questionnaire.Version,
            questionnaire.ContentHash,
            status,
            ownerId,
            null,
            null,
            null,
            Now,
            Now,
            1);

    public static AuditEntry AuditEntry(string resourceId) => new(
        DateTimeOffset.UtcNow, "alice@example.com", "Reviewer", AuditActions.AnswerSaved, "review", resourceId,
        "version=1", "version=2", "127.0.0.1", "req-1");

    public static Finding ManualFinding(Guid reviewId, string text = "No evidence of an annual penetration test.") =>
        new(Guid.NewGuid(), reviewId, FindingSource.Manual, null, FindingSeverities.Medium, text, null, FindingStatus.Open, false, Now, Now, 1);
}
