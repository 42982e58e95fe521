using Diligence.Core.Audit;

namespace Diligence.Data;

/// <summary>One page of audit events, newest first, and how many match the filter in all.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEvent> Events, long Total);
