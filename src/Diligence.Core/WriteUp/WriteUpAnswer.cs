namespace Diligence.Core.WriteUp;

/// <summary>
/// One answered question. <see cref="Kind"/> says which part carries the answer: <c>text</c> (<see cref="Text"/>, one
/// line), <c>prose</c> (<see cref="Text"/>, paragraphs), <c>markdown</c> (<see cref="Text"/>), <c>list</c>
/// (<see cref="Items"/>), <c>table</c> (<see cref="Table"/>), <c>responsibility</c> (<see cref="Responsibility"/>) or
/// <c>certifications</c> (<see cref="Certifications"/>). <see cref="Note"/> is markdown.
/// </summary>
public sealed record WriteUpAnswer
{
    public required string Key { get; init; }

    public required string Prompt { get; init; }

    public required string Kind { get; init; }

    public string? Text { get; init; }

    public IReadOnlyList<string> Items { get; init; } = [];

    public WriteUpTable? Table { get; init; }

    public ResponsibilityTable? Responsibility { get; init; }

    public IReadOnlyList<CertificationRow> Certifications { get; init; } = [];

    public string? Justification { get; init; }

    public string? Explanation { get; init; }

    public string? Note { get; init; }

    public string? AsOf { get; init; }

    /// <summary>Vendor-supplied, reviewer-confirmed or reviewer-overridden; null when unknown.</summary>
    public string? Provenance { get; init; }
}
