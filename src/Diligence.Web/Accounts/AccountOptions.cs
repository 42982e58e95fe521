using System.ComponentModel.DataAnnotations;
using Diligence.Core.Accounts;

namespace Diligence.Web.Accounts;

public sealed class AccountOptions
{
    public const string Section = "Accounts";

    [Range(8, 256)]
    public int MinimumPasswordLength { get; set; } = 12;

    /// <summary>Failed sign-ins in a row, for one e-mail address from one client, before sign-in there starts to wait.</summary>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>The first wait; each further failure doubles it, up to <see cref="LongestLockoutMinutes"/>.</summary>
    [Range(1, 1440)]
    public int FirstLockoutMinutes { get; set; } = 1;

    [Range(1, 1440)]
    public int LongestLockoutMinutes { get; set; } = 60;

    public SignInBackoff Backoff =>
        new(MaxFailedSignIns, TimeSpan.FromMinutes(FirstLockoutMinutes), TimeSpan.FromMinutes(LongestLockoutMinutes));

    [Range(5, 1440)]
    public int SessionMinutes { get; set; } = 480;

    /// <summary>Failed sign-in, set-up and invitation attempts per client address per minute; page views are not counted.</summary>
    [Range(1, 1000)]
    public int SignInAttemptsPerMinute { get; set; } = 10;
}
