using Diligence.Core.Reviews;

namespace Diligence.Web.Reviews;

/// <summary>A new status and remediation owner for a finding, made while looking at <see cref="Version"/> of it.</summary>
public sealed record FindingChange(Guid FindingId, FindingStatus? Status, string? Owner, int Version);
