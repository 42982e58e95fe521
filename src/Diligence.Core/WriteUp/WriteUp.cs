namespace Diligence.Core.WriteUp;

/// <summary>
/// The committee write-up of one review, ready for a template: every text is final (labels, formatted dates), hidden
/// items are left out, markdown is marked as such and rendered by the template. Pure data, built by
/// <see cref="WriteUpBuilder"/>.
/// </summary>
public sealed record WriteUp
{
    /// <summary>The document title (PDF metadata and running header).</summary>
    public required string Title { get; init; }

    /// <summary>The reviewer, or the questionnaire's author line when none is known (PDF author metadata).</summary>
    public required string Author { get; init; }

    public required WriteUpCover Cover { get; init; }

    public required ExecutiveSummary Summary { get; init; }

    /// <summary>The top-level parts in order, for the table of contents and the PDF outline.</summary>
    public required IReadOnlyList<WriteUpHeading> Contents { get; init; }

    public required IReadOnlyList<WriteUpSection> Sections { get; init; }

    public required IReadOnlyList<OpenQuestion> OpenQuestions { get; init; }

    public required IReadOnlyList<ProvenanceRow> Provenance { get; init; }

    /// <summary>The decision the reviewer recommends (an answer: "Approve with conditions"); null until chosen.</summary>
    public string? ReviewerRecommends { get; init; }

    /// <summary>The committee's recorded decision; null while none is recorded. Never the reviewer's recommendation.</summary>
    public WriteUpDecision? CommitteeDecision { get; init; }

    public required SignOff SignOff { get; init; }

    public required string QuestionnaireId { get; init; }

    public required string QuestionnaireTitle { get; init; }

    public required string QuestionnaireVersion { get; init; }

    public required string QuestionnaireHash { get; init; }

    /// <summary>The day expiry call-outs and date conditions were judged on, formatted.</summary>
    public required string EvaluatedOn { get; init; }
}
