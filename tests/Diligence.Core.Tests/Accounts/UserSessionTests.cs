using Diligence.Core.Accounts;

namespace Diligence.Core.Tests.Accounts;

public sealed class UserSessionTests
{
    private static readonly DateTimeOffset SignedIn = new(2026, 12, 8, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);

    private static UserSession Session(DateTimeOffset? lastSeen = null, DateTimeOffset? endedAt = null, string? reason = null) =>
        new(Guid.NewGuid(), "hash", Guid.NewGuid(), SignedIn, lastSeen ?? SignedIn, SignedIn.AddHours(12), null, null, endedAt, reason);

    [Test]
    public void A_session_used_within_its_idle_time_and_before_its_limit_may_be_used() =>
        Assert.That(Session(lastSeen: SignedIn.AddHours(11)).EndReasonAt(SignedIn.AddHours(11).AddMinutes(30), Idle), Is.Null);

    [Test]
    public void A_session_left_idle_longer_than_its_idle_time_has_ended() =>
        Assert.That(Session().EndReasonAt(SignedIn.AddMinutes(31), Idle), Is.EqualTo(SessionEndReasons.Idle));

    [Test]
    public void A_session_ends_at_its_absolute_limit_however_recently_used() =>
        Assert.That(Session(lastSeen: SignedIn.AddHours(12)).EndReasonAt(SignedIn.AddHours(12), Idle), Is.EqualTo(SessionEndReasons.Expired));

    [Test]
    public void An_ended_session_gives_the_reason_it_was_ended_with() =>
        Assert.That(Session(endedAt: SignedIn.AddMinutes(1), reason: SessionEndReasons.RoleChanged).EndReasonAt(SignedIn.AddMinutes(2), Idle),
            Is.EqualTo(SessionEndReasons.RoleChanged));
}
