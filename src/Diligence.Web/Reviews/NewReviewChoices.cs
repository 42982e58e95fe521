using Diligence.Core.Reviews;
using Diligence.Core.Vendors;

namespace Diligence.Web.Reviews;

/// <summary>What a new review can be started on: every vendor, and every published questionnaire version, newest first.</summary>
public sealed record NewReviewChoices(IReadOnlyList<Vendor> Vendors, IReadOnlyList<StoredQuestionnaire> Questionnaires);
