namespace Diligence.Core.Accounts;

/// <summary>
/// How long sign-in waits after failures in a row for one e-mail address from one client: the first
/// <see cref="FreeFailures"/> cost nothing, then each further failure waits twice as long as the one before, from
/// <see cref="FirstWait"/> up to <see cref="LongestWait"/>. Failures are forgotten a day after the last one.
/// </summary>
public sealed record SignInBackoff(int FreeFailures, TimeSpan FirstWait, TimeSpan LongestWait)
{
    public static readonly TimeSpan Memory = TimeSpan.FromDays(1);

    /// <summary>Until when the next attempt must wait after <paramref name="failures"/> in a row, the last at <paramref name="now"/>.</summary>
    public DateTimeOffset? BlockedUntil(int failures, DateTimeOffset now)
    {
        if (failures < FreeFailures)
        {
            return null;
        }
        // Doubling past 2^20 already exceeds any longest wait worth configuring.
        var doublings = Math.Min(failures - FreeFailures, 20);
        var wait = FirstWait * Math.Pow(2, doublings);
        return now + (wait < LongestWait ? wait : LongestWait);
    }
}
