using Diligence.Core.Accounts;

namespace Diligence.Data.Tests.Contracts;

public abstract class UserStoreContract : StoreContract
{
    [Test]
    public async Task An_empty_database_has_no_users_until_one_is_created()
    {
        var before = await Database.Users.CountAsync();
        await SeedUserAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(before, Is.Zero);
            Assert.That(await Database.Users.CountAsync(), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task A_created_user_can_be_read_back()
    {
        var vendor = await SeedVendorAsync();
        var user = TestData.User("vendor.contact@astronomer.io", Role.Vendor, "Vic Vendor") with
        {
            VendorId = vendor.Id,
        };

        await Database.Users.CreateAsync(user);

        Assert.That(await Database.Users.GetAsync(user.Id), Is.EqualTo(user));
    }

    [Test]
    public async Task Creating_or_updating_given_an_audit_entry_appends_it_with_the_change_and_a_refused_one_appends_nothing()
    {
        var user = TestData.User("admin@example.com", Role.Admin);
        await Database.Users.CreateAsync(user, TestData.AuditEntry("created"));
        await Database.Users.UpdateAsync(user with { Role = Role.Reviewer }, TestData.AuditEntry("role changed"));

        await Assert.ThrowsAsync<DuplicateEmailException>(() => Database.Users.CreateAsync(
            TestData.User("ADMIN@example.com"), TestData.AuditEntry("duplicate")));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Database.Users.UpdateAsync(
            TestData.User("nobody@example.com"), TestData.AuditEntry("missing")));

        var events = await Database.Audit.StreamAsync(AuditFilter.All).ToListAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(events.Select(e => e.ResourceId), Is.EqualTo(new[] { "created", "role changed" }));
            Assert.That((await Database.Users.GetAsync(user.Id))?.Role, Is.EqualTo(Role.Reviewer));
        }
    }

    [Test]
    public async Task An_unknown_user_is_null() =>
        Assert.That(await Database.Users.GetAsync(Guid.NewGuid()), Is.Null);

    [TestCase("Reviewer@Example.com")]
    [TestCase("REVIEWER@EXAMPLE.COM")]
    [TestCase("reviewer@example.com")]
    public async Task A_user_is_found_by_email_in_any_case(string lookedUp)
    {
        var user = TestData.User("reviewer@example.com");
        await Database.Users.CreateAsync(user);

        Assert.That(await Database.Users.FindByEmailAsync(lookedUp), Is.EqualTo(user));
    }

    [Test]
    public async Task An_unknown_email_finds_no_user()
    {
        await SeedUserAsync();

        Assert.That(await Database.Users.FindByEmailAsync("nobody@example.com"), Is.Null);
    }

    [Test]
    public async Task An_email_already_taken_in_another_case_is_refused()
    {
        await Database.Users.CreateAsync(TestData.User("Admin@Example.com", Role.Admin));

        await Assert.ThrowsAsync<DuplicateEmailException>(() => Database.Users.CreateAsync(TestData.User("admin@example.COM")));
    }

    [Test]
    public async Task Users_are_listed_by_email()
    {
        var zed = TestData.User("zed@example.com");
        var amy = TestData.User("Amy@example.com");
        var bob = TestData.User("bob@example.com");
        foreach (var user in new[] { zed, amy, bob })
        {
            await Database.Users.CreateAsync(user);
        }

        Assert.That(await Database.Users.ListAsync(), Is.EqualTo(new[] { amy, bob, zed }));
    }

    [Test]
    public async Task Updating_a_user_saves_display_name_password_role_and_disabled()
    {
        var user = await SeedUserAsync();
        var updated = user with { DisplayName = "Riley Admin", PasswordHash = "AQAAAAIAAYagAAAAEnew", Role = Role.Admin, Disabled = true };

        await Database.Users.UpdateAsync(updated);

        Assert.That(await Database.Users.GetAsync(user.Id), Is.EqualTo(updated));
    }

    [Test]
    public async Task Updating_an_unknown_user_throws_not_found() =>
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Database.Users.UpdateAsync(TestData.User()));

    private static readonly SignInBackoff Backoff = new(FreeFailures: 2, FirstWait: TimeSpan.FromMinutes(1), LongestWait: TimeSpan.FromMinutes(3));

    [Test]
    public async Task Failed_sign_ins_per_address_and_client_wait_longer_each_time_up_to_the_longest_wait()
    {
        var now = TestData.Now;
        var waits = new List<DateTimeOffset?>();
        for (var failure = 1; failure <= 5; failure++)
        {
            waits.Add(await Database.Users.RecordFailedSignInAsync("Guessed@Example.com", "203.0.113.7", Backoff, now));
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(waits, Is.EqualTo(new DateTimeOffset?[] { null, now.AddMinutes(1), now.AddMinutes(2), now.AddMinutes(3), now.AddMinutes(3) }));
            Assert.That(await Database.Users.SignInBlockedUntilAsync("guessed@example.COM", "203.0.113.7", now), Is.EqualTo(now.AddMinutes(3)),
                "the address is compared as the store compares e-mail addresses");
            Assert.That(await Database.Users.SignInBlockedUntilAsync("guessed@example.com", "198.51.100.9", now), Is.Null, "another client");
            Assert.That(await Database.Users.SignInBlockedUntilAsync("colleague@example.com", "203.0.113.7", now), Is.Null, "another address");
            Assert.That(await Database.Users.SignInBlockedUntilAsync("guessed@example.com", "203.0.113.7", now.AddMinutes(3)), Is.Null,
                "the wait is over");
        }
    }

    [Test]
    public async Task Clearing_failed_sign_ins_starts_the_count_again_and_a_day_old_failure_is_forgotten()
    {
        var now = TestData.Now;
        await Database.Users.RecordFailedSignInAsync("user@example.com", "203.0.113.7", Backoff, now);
        await Database.Users.RecordFailedSignInAsync("user@example.com", "203.0.113.7", Backoff, now);
        await Database.Users.RecordFailedSignInAsync("old@example.com", "203.0.113.7", Backoff, now);
        await Database.Users.RecordFailedSignInAsync("old@example.com", "203.0.113.7", Backoff, now);

        await Database.Users.ClearFailedSignInsAsync("USER@example.com", "203.0.113.7");
        var afterClearing = await Database.Users.RecordFailedSignInAsync("user@example.com", "203.0.113.7", Backoff, now);
        var aDayLater = await Database.Users.RecordFailedSignInAsync("old@example.com", "203.0.113.7", Backoff, now + SignInBackoff.Memory + TimeSpan.FromSeconds(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Database.Users.SignInBlockedUntilAsync("user@example.com", "203.0.113.7", now), Is.Null);
            Assert.That(afterClearing, Is.Null, "the first failure after a sign-in is free again");
            Assert.That(aDayLater, Is.Null, "a day after the last failure the count starts again");
        }
    }
}
