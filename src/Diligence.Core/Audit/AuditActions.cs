namespace Diligence.Core.Audit;

/// <summary>The audited actions, as stored in <see cref="AuditEvent.Action"/>.</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in.failed";
    public const string SignOut = "sign-out";
    public const string UserCreated = "user.created";
    public const string UserRoleChanged = "user.role-changed";
    public const string UserDisabled = "user.disabled";
    public const string UserEnabled = "user.enabled";
    public const string PasswordChanged = "user.password-changed";
    public const string PasswordResetCreated = "user.password-reset-created";
    public const string PasswordReset = "user.password-reset";
    public const string SessionEnded = "session.ended";
    public const string InvitationCreated = "invitation.created";
    public const string InvitationUsed = "invitation.used";
    public const string InvitationRevoked = "invitation.revoked";
    public const string VendorCreated = "vendor.created";
    public const string ReviewCreated = "review.created";
    public const string ReviewStatusChanged = "review.status-changed";
    public const string ReviewDecided = "review.decided";
    public const string ReviewReassessed = "review.reassessed";
    public const string AnswerSaved = "answer.saved";
    public const string AnswersImported = "answers.imported";
    public const string AnswersAccepted = "answers.accepted";
    public const string LibrarySubmitted = "library.submitted";
    public const string FindingAdded = "finding.added";
    public const string FindingChanged = "finding.changed";
    public const string QuestionnairePublished = "questionnaire.published";
    public const string ExportRequested = "export.requested";
    public const string ExportDownloaded = "export.downloaded";

    public static readonly IReadOnlyList<string> All =
    [
        SignIn, SignInFailed, SignOut, UserCreated, UserRoleChanged, UserDisabled, UserEnabled, PasswordChanged, PasswordResetCreated,
        PasswordReset, SessionEnded, InvitationCreated, InvitationUsed, InvitationRevoked,
        VendorCreated, ReviewCreated, ReviewStatusChanged, ReviewDecided, ReviewReassessed, AnswerSaved, AnswersImported, AnswersAccepted, LibrarySubmitted, FindingAdded,
        FindingChanged, QuestionnairePublished, ExportRequested, ExportDownloaded,
    ];
}
