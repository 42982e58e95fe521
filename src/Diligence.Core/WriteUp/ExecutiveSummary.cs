namespace Diligence.Core.WriteUp;

/// <summary>The first page a committee member reads: conclusion, findings at a glance, certifications, deployment model.</summary>
public sealed record ExecutiveSummary(
    string? RiskRating,
    string? Recommendation,
    IReadOnlyList<SeverityCount> FindingCounts,
    int FindingTotal,
    IReadOnlyList<CertificationRow> Certifications,
    string? DeploymentModel,
    IReadOnlyList<string> DeploymentModelsOffered,
    int OpenQuestionCount,
    int RequiredAnswered,
    int RequiredTotal);
