namespace Diligence.Web.Audit;

/// <summary>
/// How an audit event's resource reads: a name, with its page when it has one; or, for an id nothing names, the id
/// (shown shortened, <see cref="IsId"/>).
/// </summary>
public sealed record ResourceLabel(string Text, string? Href, string Id, bool IsId);
