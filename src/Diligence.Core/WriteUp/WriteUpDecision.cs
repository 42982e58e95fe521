namespace Diligence.Core.WriteUp;

/// <summary>
/// The security committee's decision as recorded on the review: the outcome ("Rejected"), the day, who recorded it and
/// why. Dates are formatted; the day and the recorder are unknown for decisions recorded before they were kept.
/// </summary>
public sealed record WriteUpDecision(string Outcome, string? DecidedOn, string? DecidedBy, string Rationale);
