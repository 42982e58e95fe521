using System.Net;
using Diligence.Core.Accounts;
using Diligence.Web.Accounts;
using Diligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Diligence.Web.Tests.Accounts;

/// <summary>
/// Sign-in tells nobody who has an account, by message or by time, and failures make one e-mail address wait from one
/// client, longer each time, without locking its owner out from anywhere else.
/// </summary>
public sealed class SignInThrottleTests
{
    private const string Attacker = "203.0.113.66";
    private const string Owner = "198.51.100.20";

    private AdjustableClock _clock = null!;
    private CountingHasher _hasher = null!;
    private TestApp _app = null!;

    [SetUp]
    public void Start()
    {
        _clock = new AdjustableClock();
        _hasher = new CountingHasher();
        _app = new TestApp(
            // The per-minute address limit is set out of reach: these tests are about the per-address waits.
            new Dictionary<string, string> { ["Accounts:SignInAttemptsPerMinute"] = "1000" },
            services => services
                .AddSingleton<TimeProvider>(_clock)
                .AddSingleton<IPasswordHasher<UserAccount>>(_hasher)
                .AddTransient<IStartupFilter, TestPeerAddress>());
    }

    [TearDown]
    public void Stop() => _app.Dispose();

    [Test]
    public async Task Every_attempt_verifies_one_password_hash_whether_or_not_the_address_has_an_account()
    {
        var user = await _app.CreateUserAsync(Role.Reviewer);
        var disabled = await _app.CreateUserAsync(Role.Reviewer);
        await _app.Get<Diligence.Data.IUserStore>().UpdateAsync(disabled with { Disabled = true });

        var verifications = new List<int>();
        foreach (var (email, password) in new[]
        {
            ("nobody@example.com", "not the password at all"),
            (user.Email, "not the password at all"),
            (disabled.Email, TestApp.Password),
            (user.Email, TestApp.Password),
        })
        {
            var before = _hasher.Verifications;
            await SignInAsync(email, password, Owner);
            verifications.Add(_hasher.Verifications - before);
        }

        Assert.That(verifications, Is.EqualTo(new[] { 1, 1, 1, 1 }));
    }

    [Test]
    public async Task The_sixth_failure_reads_the_same_for_an_address_with_an_account_and_one_without()
    {
        var user = await _app.CreateUserAsync(Role.Reviewer);
        var answers = new List<string>();
        foreach (var email in new[] { user.Email, "nobody@example.com" })
        {
            for (var attempt = 0; attempt < 5; attempt++)
            {
                await SignInAsync(email, "wrong password " + attempt, Attacker);
            }
            answers.Add(ErrorOf(await (await SignInAsync(email, "wrong password 6", Attacker)).Content.ReadAsStringAsync()));
        }

        Assert.That(answers, Is.EqualTo(new[] { SignInService.InvalidCredentials, SignInService.InvalidCredentials }));
    }

    [Test]
    public async Task Guessing_from_other_addresses_never_keeps_the_owner_out()
    {
        var admin = await _app.CreateUserAsync(Role.Admin);
        foreach (var address in new[] { Attacker, "203.0.113.67", "203.0.113.68" })
        {
            for (var attempt = 0; attempt < 8; attempt++)
            {
                await SignInAsync(admin.Email, "guess " + attempt, address);
            }
        }

        var owner = await SignInAsync(admin.Email, TestApp.Password, Owner);
        var attacker = await SignInAsync(admin.Email, TestApp.Password, Attacker);

        Assert.That(owner.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(attacker.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the guessing address waits, even with the right password");
    }

    [Test]
    public async Task Each_failure_past_the_fifth_doubles_the_wait()
    {
        var user = await _app.CreateUserAsync(Role.Reviewer);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await SignInAsync(user.Email, "wrong password " + attempt, Owner);
        }
        _clock.Advance(TimeSpan.FromSeconds(61));
        await SignInAsync(user.Email, "one more typo", Owner);

        _clock.Advance(TimeSpan.FromSeconds(61));
        var stillWaiting = await SignInAsync(user.Email, TestApp.Password, Owner);
        _clock.Advance(TimeSpan.FromSeconds(60));
        var afterTwoMinutes = await SignInAsync(user.Email, TestApp.Password, Owner);

        Assert.That(ErrorOf(await stillWaiting.Content.ReadAsStringAsync()), Is.EqualTo(SignInService.InvalidCredentials));
        Assert.That(afterTwoMinutes.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    private Task<HttpResponseMessage> SignInAsync(string email, string password, string address)
    {
        var client = _app.Client();
        client.DefaultRequestHeaders.Add(TestPeerAddress.Header, address);
        return client.PostFormAsync("/account/sign-in", new Dictionary<string, string> { ["email"] = email, ["password"] = password });
    }

    private static string ErrorOf(string page) =>
        System.Text.RegularExpressions.Regex.Match(page, "<p class=\"alert error\"[^>]*>([^<]*)</p>") is { Success: true } match
            ? System.Net.WebUtility.HtmlDecode(match.Groups[1].Value)
            : page;

    private sealed class CountingHasher : IPasswordHasher<UserAccount>
    {
        private readonly PasswordHasher<UserAccount> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(UserAccount user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(UserAccount user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
