namespace Diligence.Core.WriteUp;

/// <summary>One entry of the table of contents: a top-level part's anchor, its number (sections only) and title.</summary>
public sealed record WriteUpHeading(string Anchor, string? Number, string Title);
