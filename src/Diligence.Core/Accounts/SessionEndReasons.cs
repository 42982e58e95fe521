namespace Diligence.Core.Accounts;

/// <summary>Why a session ended, as stored in its ended_reason and written to the audit log.</summary>
public static class SessionEndReasons
{
    public const string SignedOut = "signed-out";
    public const string EndedByUser = "ended-by-user";
    public const string EndedByAdministrator = "ended-by-administrator";
    public const string RoleChanged = "role-changed";
    public const string PasswordChanged = "password-changed";
    public const string PasswordReset = "password-reset";
    public const string Disabled = "disabled";
    public const string Expired = "expired";
    public const string Idle = "idle";
}
