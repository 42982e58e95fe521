namespace Diligence.Reports;

/// <summary>A table-of-contents line as the template sees it: the heading and its page (empty on the first pass).</summary>
public sealed record TocLine(string Anchor, string? Number, string Title, string Page);
