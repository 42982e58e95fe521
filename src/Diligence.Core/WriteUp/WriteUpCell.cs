namespace Diligence.Core.WriteUp;

/// <summary>A table cell; <see cref="IsMarkdown"/> when the text is markdown, <see cref="IsMissing"/> when nothing was stated.</summary>
public sealed record WriteUpCell(string Text, bool IsMarkdown = false, bool IsMissing = false);
