namespace Diligence.Web.Reviews;

/// <summary>
/// A vendor library answer that changed after the answer a re-assessment carried forward: what the vendor says now,
/// what the review says, and the review answer's version (the one taking the vendor's answer must still find).
/// </summary>
public sealed record NewerLibraryAnswer(
    string Key,
    string Prompt,
    string StepId,
    string StepTitle,
    string VendorText,
    DateOnly VendorChangedOn,
    string? ReviewText,
    int Version);
