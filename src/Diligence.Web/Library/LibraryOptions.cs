using System.ComponentModel.DataAnnotations;

namespace Diligence.Web.Library;

public sealed class LibraryOptions
{
    public const string Section = "Library";

    /// <summary>The questionnaire vendors pre-answer (its newest published version), until a library is submitted for another.</summary>
    public string QuestionnaireId { get; set; } = "vendor-security-diligence";

    /// <summary>A prefilled answer older than this (by its as-of date) is marked stale.</summary>
    [Range(1, 120)]
    public int StaleAfterMonths { get; set; } = 12;

    /// <summary>How long an invitation link works.</summary>
    [Range(1, 90)]
    public int InvitationDays { get; set; } = 14;

    /// <summary>The due date given to the vendor when a review starts awaiting it.</summary>
    [Range(1, 90)]
    public int RequestDueDays { get; set; } = 14;
}
