namespace Diligence.Core.WriteUp;

/// <summary>
/// One artefact of the evidence register. <see cref="ExpiryState"/> is as for <see cref="CertificationRow.ExpiryState"/>.
/// </summary>
public sealed record EvidenceRow(
    string Artefact,
    string Title,
    string? Location,
    string Availability,
    string? Effective,
    string? Expires,
    string ExpiryState,
    string? ExpiryNote,
    string? Supports);
