namespace Diligence.Web.Reviews;

/// <summary>A reviewer's own finding as posted.</summary>
public sealed record NewFinding(string? Severity, string? Description, string? Owner);
