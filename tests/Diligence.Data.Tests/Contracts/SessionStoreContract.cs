using Diligence.Core.Accounts;

namespace Diligence.Data.Tests.Contracts;

public abstract class SessionStoreContract : StoreContract
{
    private static UserSession Session(Guid userId, string tokenHash, DateTimeOffset? createdAt = null)
    {
        var at = createdAt ?? TestData.Now;
        return new UserSession(Guid.NewGuid(), tokenHash, userId, at, at, at.AddHours(12), "203.0.113.7", "Mozilla/5.0 Firefox/140.0", null, null);
    }

    private static PasswordReset Reset(Guid userId, Guid createdBy, string tokenHash) =>
        new(Guid.NewGuid(), tokenHash, userId, createdBy, TestData.Now, TestData.Now.AddHours(24), null);

    [Test]
    public async Task A_session_is_found_by_its_token_hash_with_its_user_as_stored_now()
    {
        var user = await SeedUserAsync();
        var session = Session(user.Id, new string('a', 64));
        await Database.Sessions.CreateAsync(session);
        await Database.Users.UpdateAsync(user with { Role = Role.Procurement });

        var found = await Database.Sessions.FindByTokenHashAsync(session.TokenHash);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(found?.Session, Is.EqualTo(session));
            Assert.That(found?.User, Is.EqualTo(user with { Role = Role.Procurement }));
            Assert.That(await Database.Sessions.FindByTokenHashAsync(new string('b', 64)), Is.Null);
        }
    }

    [Test]
    public async Task A_session_started_with_its_sign_in_event_commits_both_and_a_refused_one_neither()
    {
        var user = await SeedUserAsync();
        var session = Session(user.Id, new string('a', 64));
        await Database.Sessions.CreateAsync(session, TestData.AuditEntry("signed in"));

        // The same id again is refused by the key: its event must not be stored either.
        await Assert.CatchAsync(() => Database.Sessions.CreateAsync(session with { TokenHash = new string('b', 64) }, TestData.AuditEntry("refused")));

        var events = await Database.Audit.StreamAsync(AuditFilter.All).ToListAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((await Database.Sessions.FindByTokenHashAsync(session.TokenHash))?.Session, Is.EqualTo(session));
            Assert.That(events.Select(e => e.ResourceId), Is.EqualTo(new[] { "signed in" }));
        }
    }

    [Test]
    public async Task Touching_a_session_moves_its_last_use_forward_never_back()
    {
        var user = await SeedUserAsync();
        var session = Session(user.Id, new string('a', 64));
        await Database.Sessions.CreateAsync(session);

        await Database.Sessions.TouchAsync(session.Id, TestData.Now.AddMinutes(5));
        await Database.Sessions.TouchAsync(session.Id, TestData.Now.AddMinutes(2));

        Assert.That((await Database.Sessions.FindByTokenHashAsync(session.TokenHash))?.Session.LastSeenAt,
            Is.EqualTo(TestData.Now.AddMinutes(5)));
    }

    [Test]
    public async Task Ending_a_session_needs_its_own_user_and_appends_the_audit_entry_with_it()
    {
        var owner = await SeedUserAsync("Owner");
        var other = await SeedUserAsync("Other");
        var session = Session(owner.Id, new string('a', 64));
        await Database.Sessions.CreateAsync(session);
        var ending = new SessionEnding(TestData.Now.AddMinutes(1), SessionEndReasons.SignedOut);

        var byOther = await Database.Sessions.EndAsync(session.Id, other.Id, ending, TestData.AuditEntry("by other"));
        var byOwner = await Database.Sessions.EndAsync(session.Id, owner.Id, ending, TestData.AuditEntry("by owner"));
        var again = await Database.Sessions.EndAsync(session.Id, owner.Id, ending, TestData.AuditEntry("again"));

        var stored = (await Database.Sessions.FindByTokenHashAsync(session.TokenHash))?.Session;
        var events = await Database.Audit.StreamAsync(AuditFilter.All).ToListAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((byOther, byOwner, again), Is.EqualTo((false, true, false)));
            Assert.That(stored?.EndedAt, Is.EqualTo(ending.At));
            Assert.That(stored?.EndedReason, Is.EqualTo(SessionEndReasons.SignedOut));
            Assert.That(events.Select(e => e.ResourceId), Is.EqualTo(new[] { "by owner" }));
        }
    }

    [Test]
    public async Task Ending_all_of_a_users_sessions_keeps_the_excepted_one_and_other_users_sessions()
    {
        var user = await SeedUserAsync("User");
        var other = await SeedUserAsync("Other");
        var kept = Session(user.Id, new string('a', 64));
        var ended = Session(user.Id, new string('b', 64), TestData.Now.AddMinutes(1));
        var othersSession = Session(other.Id, new string('c', 64));
        foreach (var session in new[] { kept, ended, othersSession })
        {
            await Database.Sessions.CreateAsync(session);
        }

        var count = await Database.Sessions.EndAllAsync(
            user.Id, new SessionEnding(TestData.Now.AddMinutes(2), SessionEndReasons.EndedByUser, kept.Id), TestData.AuditEntry("ended"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(count, Is.EqualTo(1));
            Assert.That((await Database.Sessions.ListActiveAsync(user.Id, TestData.Now.AddMinutes(3))).Select(s => s.Id), Is.EqualTo(new[] { kept.Id }));
            Assert.That((await Database.Sessions.ListActiveAsync(other.Id, TestData.Now.AddMinutes(3))).Select(s => s.Id), Is.EqualTo(new[] { othersSession.Id }));
            Assert.That((await Database.Audit.StreamAsync(AuditFilter.All).ToListAsync()).Select(e => e.ResourceId), Is.EqualTo(new[] { "ended" }));
        }
    }

    [Test]
    public async Task Active_sessions_are_listed_newest_first_without_ended_or_expired_ones()
    {
        var user = await SeedUserAsync();
        var older = Session(user.Id, new string('a', 64));
        var newer = Session(user.Id, new string('b', 64), TestData.Now.AddHours(1));
        var expired = Session(user.Id, new string('c', 64), TestData.Now.AddHours(-13));
        var signedOut = Session(user.Id, new string('d', 64));
        foreach (var session in new[] { older, newer, expired, signedOut })
        {
            await Database.Sessions.CreateAsync(session);
        }
        await Database.Sessions.EndAsync(signedOut.Id, user.Id, new SessionEnding(TestData.Now, SessionEndReasons.SignedOut));

        var active = await Database.Sessions.ListActiveAsync(user.Id, TestData.Now.AddMinutes(1));

        Assert.That(active.Select(s => s.Id), Is.EqualTo(new[] { newer.Id, older.Id }));
    }

    [Test]
    public async Task Updating_a_user_ending_sessions_ends_them_in_the_same_transaction_as_the_change_and_its_audit_entry()
    {
        var user = await SeedUserAsync();
        var session = Session(user.Id, new string('a', 64));
        await Database.Sessions.CreateAsync(session);

        await Database.Users.UpdateEndingSessionsAsync(
            user with { Role = Role.Procurement }, new SessionEnding(TestData.Now, SessionEndReasons.RoleChanged), TestData.AuditEntry("role"));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Database.Users.UpdateEndingSessionsAsync(
            TestData.User(), new SessionEnding(TestData.Now, SessionEndReasons.RoleChanged), TestData.AuditEntry("missing")));

        var found = await Database.Sessions.FindByTokenHashAsync(session.TokenHash);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found?.Session.EndedReason, Is.EqualTo(SessionEndReasons.RoleChanged));
            Assert.That(found?.User.Role, Is.EqualTo(Role.Procurement));
            Assert.That((await Database.Audit.StreamAsync(AuditFilter.All).ToListAsync()).Select(e => e.ResourceId), Is.EqualTo(new[] { "role" }));
        }
    }

    [Test]
    public async Task A_password_reset_is_used_once_setting_the_password_and_ending_every_session()
    {
        var admin = await SeedUserAsync("Admin");
        var user = await SeedUserAsync("User");
        var session = Session(user.Id, new string('a', 64));
        await Database.Sessions.CreateAsync(session);
        var reset = Reset(user.Id, admin.Id, new string('e', 64));
        await Database.Sessions.CreatePasswordResetAsync(reset, TestData.AuditEntry("reset created"));

        var found = await Database.Sessions.FindPasswordResetAsync(reset.TokenHash);
        var first = await Database.Sessions.CompletePasswordResetAsync(reset.Id, "new-hash", TestData.Now.AddMinutes(1), TestData.AuditEntry("reset used"));
        var second = await Database.Sessions.CompletePasswordResetAsync(reset.Id, "other-hash", TestData.Now.AddMinutes(2), TestData.AuditEntry("reused"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(found, Is.EqualTo(reset));
            Assert.That((first, second), Is.EqualTo((true, false)));
            Assert.That((await Database.Users.GetAsync(user.Id))?.PasswordHash, Is.EqualTo("new-hash"));
            Assert.That((await Database.Sessions.FindPasswordResetAsync(reset.TokenHash))?.UsedAt, Is.EqualTo(TestData.Now.AddMinutes(1)));
            Assert.That((await Database.Sessions.FindByTokenHashAsync(session.TokenHash))?.Session.EndedReason, Is.EqualTo(SessionEndReasons.PasswordReset));
            Assert.That((await Database.Audit.StreamAsync(AuditFilter.All).ToListAsync()).Select(e => e.ResourceId),
                Is.EqualTo(new[] { "reset created", "reset used" }));
        }
    }

    [Test]
    public async Task An_expired_password_reset_changes_nothing()
    {
        var admin = await SeedUserAsync("Admin");
        var user = await SeedUserAsync("User");
        var reset = Reset(user.Id, admin.Id, new string('e', 64));
        await Database.Sessions.CreatePasswordResetAsync(reset);

        var used = await Database.Sessions.CompletePasswordResetAsync(reset.Id, "new-hash", reset.ExpiresAt);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(used, Is.False);
            Assert.That((await Database.Users.GetAsync(user.Id))?.PasswordHash, Is.EqualTo(user.PasswordHash));
            Assert.That(await Database.Sessions.FindPasswordResetAsync(new string('f', 64)), Is.Null);
        }
    }
}
