using Diligence.Core.Evaluation;
using Diligence.Data;

namespace Diligence.Web.Reviews;

/// <summary>
/// One review on the dashboard: the stored summary, required answers given (null when its questionnaire cannot be
/// loaded) and its open findings by severity.
/// </summary>
public sealed record DashboardRow(ReviewSummary Summary, Progress? Progress, IReadOnlyList<SeverityCount> OpenFindings);
