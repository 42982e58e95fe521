namespace Diligence.Web.Audit;

/// <summary>The resource types audit events name.</summary>
public static class AuditResources
{
    public const string User = "user";
    public const string Vendor = "vendor";
    public const string Review = "review";
    public const string Answer = "answer";
    public const string LibraryAnswer = "library-answer";
    public const string Finding = "finding";
    public const string Questionnaire = "questionnaire";
    public const string Invitation = "invitation";
    public const string AuditLog = "audit-log";
    public const string AccessReview = "access-review";
    public const string Export = "export";
}
