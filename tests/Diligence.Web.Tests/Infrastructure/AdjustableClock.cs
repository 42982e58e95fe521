namespace Diligence.Web.Tests.Infrastructure;

/// <summary>A clock the test moves forward, for session expiry and lockout.</summary>
public sealed class AdjustableClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
