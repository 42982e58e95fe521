namespace Diligence.Core.WriteUp;

/// <summary>
/// One numbered section: a visible step in path order, its answered items by group, and its required questions still
/// unanswered. The section that hosts the findings (the recommendation step) or the evidence register (the step
/// with the evidence items) carries them; elsewhere they are empty.
/// </summary>
public sealed record WriteUpSection
{
    public required string Anchor { get; init; }

    public required int Number { get; init; }

    public required string Title { get; init; }

    /// <summary>Markdown.</summary>
    public string? Intro { get; init; }

    public IReadOnlyList<WriteUpGroup> Groups { get; init; } = [];

    public IReadOnlyList<OpenQuestion> OpenQuestions { get; init; } = [];

    public bool HasFindings { get; init; }

    public IReadOnlyList<FindingGroup> Findings { get; init; } = [];

    public bool HasEvidence { get; init; }

    public IReadOnlyList<EvidenceRow> Evidence { get; init; } = [];
}
