namespace Diligence.Core.WriteUp;

/// <summary>
/// One certification or attestation. <see cref="ExpiryState"/> is <c>expired</c>, <c>expiring</c> (within 90 days of the
/// evaluation date), <c>current</c>, or empty when no expiry is stated; <see cref="ExpiryNote"/> says it in words.
/// </summary>
public sealed record CertificationRow(
    string Framework,
    string? Type,
    string? Status,
    string? Scope,
    string? PeriodEnd,
    string? Auditor,
    string? Availability,
    string? Expiry,
    string ExpiryState,
    string? ExpiryNote);
