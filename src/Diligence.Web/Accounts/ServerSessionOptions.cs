using System.ComponentModel.DataAnnotations;

namespace Diligence.Web.Accounts;

/// <summary>
/// Server-side session limits beside the sliding one (<see cref="AccountOptions.SessionMinutes"/>, idle time): a session
/// ends this many hours after sign-in however busy it is.
/// </summary>
public sealed class ServerSessionOptions
{
    public const string Section = "Sessions";

    [Range(1, 720)]
    public int AbsoluteHours { get; set; } = 12;

    /// <summary>How long a password reset link an administrator creates can be used (once).</summary>
    [Range(1, 168)]
    public int ResetLinkHours { get; set; } = 24;
}
