using System.ComponentModel.DataAnnotations;

namespace Diligence.Web.Accounts;

public sealed class AccountOptions
{
    public const string Section = "Accounts";

    [Range(8, 256)]
    public int MinimumPasswordLength { get; set; } = 12;

    /// <summary>Failed sign-ins in a row before the account is locked for <see cref="LockoutMinutes"/>.</summary>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    [Range(1, 1440)]
    public int LockoutMinutes { get; set; } = 15;

    [Range(5, 1440)]
    public int SessionMinutes { get; set; } = 480;

    /// <summary>Failed sign-in, set-up and invitation attempts per client address per minute; page views are not counted.</summary>
    [Range(1, 1000)]
    public int SignInAttemptsPerMinute { get; set; } = 10;
}
