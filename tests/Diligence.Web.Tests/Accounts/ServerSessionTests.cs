using System.Net;
using System.Text.RegularExpressions;
using Diligence.Core.Accounts;
using Diligence.Core.Audit;
using Diligence.Data;
using Diligence.Web.Accounts;
using Diligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Diligence.Web.Tests.Accounts;

/// <summary>
/// Issue 17's attacks on sessions: the cookie names a server-side session, so a copy of it is worth nothing once the
/// session ends, and every request runs with the user's role as it is in the database now.
/// </summary>
public sealed partial class ServerSessionTests
{
    private AdjustableClock _clock = null!;
    private TestApp _app = null!;

    [SetUp]
    public void Start()
    {
        _clock = new AdjustableClock();
        _app = new TestApp(
            new Dictionary<string, string> { ["App:PublicUrl"] = "https://diligence.example.com" },
            services => services.AddSingleton<TimeProvider>(_clock));
    }

    [TearDown]
    public void Stop() => _app.Dispose();

    [Test]
    public async Task A_cookie_copied_before_sign_out_and_replayed_after_it_is_signed_out_and_adds_no_vendor()
    {
        var cookies = new CookieContainer();
        await _app.SignInAsync(await _app.CreateUserAsync(Role.Reviewer), _app.Client(cookies));
        var copy = _app.Client(CopyOf(cookies));
        var form = await copy.GetStringAsync("/vendors/new");

        await _app.Client(cookies).PostFormAsync("/account/sign-out", [], "/");
        var page = await copy.GetAsync("/");
        var post = await copy.PostAsync("/vendors/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "Replayed Vendor",
            ["__RequestVerificationToken"] = HttpClientFormExtensions.AntiforgeryTokenOf(form),
        }));

        AssertSentToSignIn(page);
        AssertSentToSignIn(post);
        Assert.That((await _app.Get<IVendorStore>().ListAsync()).Select(v => v.Name), Does.Not.Contain("Replayed Vendor"));
    }

    [Test]
    public async Task A_session_signed_out_on_one_node_is_signed_out_on_another()
    {
        using var nodeB = _app.AnotherNode();
        var cookies = new CookieContainer();
        await _app.SignInAsync(await _app.CreateUserAsync(Role.Reviewer), _app.Client(cookies));
        var copy = CopyOf(cookies);
        var before = await nodeB.Client(copy).GetAsync("/");

        await _app.Client(cookies).PostFormAsync("/account/sign-out", [], "/");

        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        AssertSentToSignIn(await nodeB.Client(copy).GetAsync("/"));
    }

    [Test]
    public async Task A_reviewer_changed_to_procurement_is_signed_out_and_the_old_cookie_adds_no_vendor()
    {
        var (admin, _) = await _app.SignInAsAsync(Role.Admin);
        var (reviewer, user) = await _app.SignInAsAsync(Role.Reviewer);
        var form = await reviewer.GetStringAsync("/vendors/new");

        var changed = await admin.PostFormAsync("/admin/users?handler=Role",
            new Dictionary<string, string> { ["userId"] = user.Id.ToString(), ["role"] = nameof(Role.Procurement) }, "/admin/users");
        var post = await reviewer.PostAsync("/vendors/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "Vendor After Demotion",
            ["__RequestVerificationToken"] = HttpClientFormExtensions.AntiforgeryTokenOf(form),
        }));

        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        AssertSentToSignIn(post);
        Assert.That((await _app.Get<IVendorStore>().ListAsync()).Select(v => v.Name), Does.Not.Contain("Vendor After Demotion"));
    }

    [Test]
    public async Task An_administrator_demoted_by_another_loses_the_admin_pages_at_once()
    {
        var (demoter, _) = await _app.SignInAsAsync(Role.Admin);
        var (demoted, user) = await _app.SignInAsAsync(Role.Admin);
        var before = await demoted.GetAsync("/admin/users");

        await demoter.PostFormAsync("/admin/users?handler=Role",
            new Dictionary<string, string> { ["userId"] = user.Id.ToString(), ["role"] = nameof(Role.Reviewer) }, "/admin/users");

        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        AssertSentToSignIn(await demoted.GetAsync("/admin/users"));
    }

    [Test]
    public async Task A_role_changed_behind_the_apps_back_applies_to_the_next_request_of_an_open_session()
    {
        var (reviewer, user) = await _app.SignInAsAsync(Role.Reviewer);

        // Straight in the database, as an operator's tool would: no session is ended, the role is still read anew.
        await _app.Get<IUserStore>().UpdateAsync(user with { Role = Role.Procurement });
        var response = await reviewer.GetAsync("/vendors/new");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.AbsolutePath, Is.EqualTo("/account/denied"));
    }

    [Test]
    public async Task A_user_disabled_in_the_database_is_signed_out_on_the_next_request()
    {
        var (client, user) = await _app.SignInAsAsync(Role.Reviewer);

        // As an operator's tool would, without ending the sessions: the user's state is still read on each request.
        await _app.Get<IUserStore>().UpdateAsync(user with { Disabled = true });

        AssertSentToSignIn(await client.GetAsync("/"));
    }

    [Test]
    public async Task A_session_in_constant_use_ends_twelve_hours_after_sign_in()
    {
        var (client, _) = await _app.SignInAsAsync(Role.Reviewer);
        var statuses = new List<HttpStatusCode>();

        // Each request comes well within the sliding 480 minutes, so only the absolute limit can end it.
        for (var hour = 1; hour < 12; hour++)
        {
            _clock.Advance(TimeSpan.FromHours(1));
            statuses.Add((await client.GetAsync("/vendors")).StatusCode);
        }
        _clock.Advance(TimeSpan.FromHours(1));
        var twelveHoursIn = await client.GetAsync("/vendors");

        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.OK));
        AssertSentToSignIn(twelveHoursIn);
    }

    [Test]
    public async Task The_absolute_lifetime_is_a_setting()
    {
        _app.Restart(new Dictionary<string, string> { ["Sessions:AbsoluteHours"] = "2" });
        var (client, _) = await _app.SignInAsAsync(Role.Reviewer);

        _clock.Advance(TimeSpan.FromMinutes(119));
        var before = await client.GetAsync("/vendors");
        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        AssertSentToSignIn(await client.GetAsync("/vendors"));
    }

    [Test]
    public async Task A_disabled_user_is_signed_out_at_once_cannot_sign_in_and_can_again_once_enabled()
    {
        var (admin, _) = await _app.SignInAsAsync(Role.Admin);
        var (client, user) = await _app.SignInAsAsync(Role.Reviewer);

        var disabled = await admin.PostFormAsync("/admin/users?handler=Disable",
            new Dictionary<string, string> { ["userId"] = user.Id.ToString() }, "/admin/users");
        var oldSession = await client.GetAsync("/");
        var signIn = await _app.Client().PostFormAsync("/account/sign-in",
            new Dictionary<string, string> { ["email"] = user.Email, ["password"] = TestApp.Password });
        await admin.PostFormAsync("/admin/users?handler=Enable",
            new Dictionary<string, string> { ["userId"] = user.Id.ToString() }, "/admin/users");
        var afterEnabling = await _app.Client().PostFormAsync("/account/sign-in",
            new Dictionary<string, string> { ["email"] = user.Email, ["password"] = TestApp.Password });

        var actions = await AuditActionsAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(disabled.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            AssertSentToSignIn(oldSession);
            Assert.That(await signIn.Content.ReadAsStringAsync(), Does.Contain(WebUtility.HtmlEncode(SignInService.InvalidCredentials)));
            Assert.That(afterEnabling.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(actions, Does.Contain(AuditActions.UserDisabled).And.Contain(AuditActions.UserEnabled));
        }
    }

    [Test]
    public async Task An_administrator_signs_a_user_out_everywhere_without_disabling_them()
    {
        var (admin, _) = await _app.SignInAsAsync(Role.Admin);
        var user = await _app.CreateUserAsync(Role.Reviewer);
        var sessions = new[] { await _app.SignInAsync(user), await _app.SignInAsync(user) };

        var response = await admin.PostFormAsync("/admin/users?handler=SignOut",
            new Dictionary<string, string> { ["userId"] = user.Id.ToString() }, "/admin/users");

        Assert.That(await admin.GetStringAsync("/admin/users"), Does.Contain("2 sessions signed out."));
        foreach (var session in sessions)
        {
            AssertSentToSignIn(await session.GetAsync("/"));
        }
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await SignInStatusAsync(user.Email, TestApp.Password), Is.EqualTo(HttpStatusCode.Redirect));
    }

    [Test]
    public async Task Disabling_the_only_administrator_is_refused_with_the_reason_beside_the_button()
    {
        var (admin, user) = await _app.SignInAsAsync(Role.Admin);

        var response = await admin.PostFormAsync("/admin/users?handler=Disable",
            new Dictionary<string, string> { ["userId"] = user.Id.ToString() }, "/admin/users");
        var page = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page, Does.Contain($"<p class=\"error-text\" id=\"access-{user.Id}-error\">{WebUtility.HtmlEncode(UserAdministration.DisableOnlyAdministrator)}</p>"));
        Assert.That((await _app.Get<IUserStore>().GetAsync(user.Id))?.Disabled, Is.False);
    }

    [Test]
    public async Task An_administrator_cannot_disable_themself_even_with_another_administrator()
    {
        await _app.CreateUserAsync(Role.Admin);
        var (admin, user) = await _app.SignInAsAsync(Role.Admin);

        var response = await admin.PostFormAsync("/admin/users?handler=Disable",
            new Dictionary<string, string> { ["userId"] = user.Id.ToString() }, "/admin/users");

        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(WebUtility.HtmlEncode(UserAdministration.DisableSelf)));
        Assert.That((await admin.GetAsync("/admin/users")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Only_an_administrator_can_disable_users_sign_them_out_or_create_reset_links()
    {
        var (reviewer, _) = await _app.SignInAsAsync(Role.Reviewer);
        var target = await _app.CreateUserAsync(Role.Procurement);

        var disable = await reviewer.PostFormAsync("/admin/users?handler=Disable",
            new Dictionary<string, string> { ["userId"] = target.Id.ToString() }, "/vendors");
        var reset = await reviewer.PostFormAsync("/admin/users?handler=Reset",
            new Dictionary<string, string> { ["userId"] = target.Id.ToString() }, "/vendors");
        var signOut = await reviewer.PostFormAsync("/admin/users?handler=SignOut",
            new Dictionary<string, string> { ["userId"] = target.Id.ToString() }, "/vendors");

        Assert.That(disable.Headers.Location?.AbsolutePath, Is.EqualTo("/account/denied"));
        Assert.That(reset.Headers.Location?.AbsolutePath, Is.EqualTo("/account/denied"));
        Assert.That(signOut.Headers.Location?.AbsolutePath, Is.EqualTo("/account/denied"));
        Assert.That((await _app.Get<IUserStore>().GetAsync(target.Id))?.Disabled, Is.False);
    }

    [Test]
    public async Task A_password_reset_link_sets_a_new_password_once_and_signs_the_user_out_everywhere()
    {
        var (admin, _) = await _app.SignInAsAsync(Role.Admin);
        var (oldSession, user) = await _app.SignInAsAsync(Role.Reviewer);
        const string NewPassword = "a brand new passphrase 42";

        var link = await CreateResetLinkAsync(admin, user);
        var anonymous = _app.Client();
        var form = await anonymous.GetStringAsync(link.PathAndQuery);
        var done = await anonymous.PostFormAsync(link.PathAndQuery, new Dictionary<string, string> { ["NewPassword"] = NewPassword });
        // A used link shows no form; a post anyway (its token from another page) is refused too.
        var again = await _app.Client().PostFormAsync(
            link.PathAndQuery, new Dictionary<string, string> { ["NewPassword"] = "yet another passphrase 7" }, "/account/sign-in");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(link.GetLeftPart(UriPartial.Authority), Is.EqualTo("https://diligence.example.com"));
            Assert.That(form, Does.Contain(user.Email));
            Assert.That(await done.Content.ReadAsStringAsync(), Does.Contain("Your password is set"));
            Assert.That(await again.Content.ReadAsStringAsync(), Does.Contain(WebUtility.HtmlEncode(UserAdministration.ResetLinkUsed)));
            AssertSentToSignIn(await oldSession.GetAsync("/"));
            Assert.That(await SignInStatusAsync(user.Email, TestApp.Password), Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await SignInStatusAsync(user.Email, NewPassword), Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(await AuditActionsAsync(), Does.Contain(AuditActions.PasswordResetCreated).And.Contain(AuditActions.PasswordReset));
        }
    }

    [Test]
    public async Task A_reset_link_past_its_day_or_with_a_wrong_token_says_so_and_a_weak_password_is_refused_beside_the_field()
    {
        var (admin, _) = await _app.SignInAsAsync(Role.Admin);
        var user = await _app.CreateUserAsync(Role.Reviewer);
        var link = await CreateResetLinkAsync(admin, user);
        var client = _app.Client();

        var weak = await client.PostFormAsync(link.PathAndQuery, new Dictionary<string, string> { ["NewPassword"] = "short" });
        var wrong = await client.GetStringAsync("/account/reset?token=not-a-real-token");
        _clock.Advance(TimeSpan.FromHours(24));
        var expired = await client.GetStringAsync(link.PathAndQuery);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await weak.Content.ReadAsStringAsync(), Does.Contain("<p class=\"error-text\" id=\"f-newpassword-error\">Use at least 12 characters.</p>"));
            Assert.That(wrong, Does.Contain(WebUtility.HtmlEncode(UserAdministration.ResetLinkInvalid)));
            Assert.That(expired, Does.Contain(WebUtility.HtmlEncode(UserAdministration.ResetLinkExpired)));
        }
    }

    [Test]
    public async Task Wrong_reset_tokens_count_against_the_failed_attempt_limit()
    {
        _app.Restart(new Dictionary<string, string> { ["Accounts:SignInAttemptsPerMinute"] = "2" });
        var client = _app.Client();
        var statuses = new List<HttpStatusCode>();

        for (var attempt = 0; attempt < 3; attempt++)
        {
            statuses.Add((await client.PostFormAsync($"/account/reset?token=guess-{attempt}",
                new Dictionary<string, string> { ["NewPassword"] = "a brand new passphrase 42" }, "/account/sign-in")).StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
    }

    [Test]
    public async Task The_sessions_page_lists_where_the_user_is_signed_in_and_signs_out_another_session()
    {
        var user = await _app.CreateUserAsync(Role.Procurement);
        var laptop = await _app.SignInAsync(user);
        var phone = await _app.SignInAsync(user);

        var page = await laptop.GetStringAsync("/account/sessions");
        var otherId = SessionIds().Matches(page).Single().Groups[1].Value;
        var ended = await laptop.PostFormAsync("/account/sessions?handler=End",
            new Dictionary<string, string> { ["sessionId"] = otherId }, "/account/sessions");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page, Does.Contain("This session"));
            Assert.That(Regex.Count(page, "data-label=\"Browser\""), Is.EqualTo(2));
            Assert.That(ended.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            AssertSentToSignIn(await phone.GetAsync("/"));
            Assert.That((await laptop.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await AuditActionsAsync(), Does.Contain(AuditActions.SessionEnded));
        }
    }

    [Test]
    public async Task A_user_cannot_sign_out_someone_elses_session()
    {
        var (victim, victimUser) = await _app.SignInAsAsync(Role.Reviewer);
        var (attacker, _) = await _app.SignInAsAsync(Role.Reviewer);
        var victimSession = (await _app.Get<ISessionStore>().ListActiveAsync(victimUser.Id, _clock.GetUtcNow())).Single();

        var response = await attacker.PostFormAsync("/account/sessions?handler=End",
            new Dictionary<string, string> { ["sessionId"] = victimSession.Id.ToString() }, "/account/sessions");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await victim.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Signing_out_all_other_sessions_keeps_this_one()
    {
        var user = await _app.CreateUserAsync(Role.Reviewer);
        var here = await _app.SignInAsync(user);
        var others = new[] { await _app.SignInAsync(user), await _app.SignInAsync(user) };

        var response = await here.PostFormAsync("/account/sessions?handler=EndOthers", [], "/account/sessions");
        var page = await here.GetStringAsync("/account/sessions");

        Assert.That(page, Does.Contain("2 other sessions are signed out."));
        foreach (var other in others)
        {
            AssertSentToSignIn(await other.GetAsync("/"));
        }
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [Test]
    public async Task Changing_the_password_needs_the_current_one_and_signs_out_the_other_sessions_only()
    {
        var user = await _app.CreateUserAsync(Role.Reviewer);
        var here = await _app.SignInAsync(user);
        var elsewhere = await _app.SignInAsync(user);
        const string NewPassword = "a brand new passphrase 42";

        var wrong = await here.PostFormAsync("/account/password",
            new Dictionary<string, string> { ["CurrentPassword"] = "not my password", ["NewPassword"] = NewPassword });
        var stillIn = await elsewhere.GetAsync("/");
        var changed = await here.PostFormAsync("/account/password",
            new Dictionary<string, string> { ["CurrentPassword"] = TestApp.Password, ["NewPassword"] = NewPassword });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await wrong.Content.ReadAsStringAsync(),
                Does.Contain($"<p class=\"error-text\" id=\"f-currentpassword-error\">{WebUtility.HtmlEncode(UserAdministration.CurrentPasswordWrong)}</p>"));
            Assert.That(stillIn.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            AssertSentToSignIn(await elsewhere.GetAsync("/"));
            Assert.That((await here.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await SignInStatusAsync(user.Email, NewPassword), Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(await AuditActionsAsync(), Does.Contain(AuditActions.PasswordChanged));
        }
    }

    [Test]
    public async Task A_sessions_last_use_is_written_at_most_once_a_minute()
    {
        var (client, user) = await _app.SignInAsAsync(Role.Reviewer);
        var signedInAt = _clock.GetUtcNow();

        _clock.Advance(TimeSpan.FromSeconds(30));
        await client.GetAsync("/");
        var afterHalfAMinute = (await _app.Get<ISessionStore>().ListActiveAsync(user.Id, _clock.GetUtcNow())).Single().LastSeenAt;
        _clock.Advance(TimeSpan.FromSeconds(31));
        await client.GetAsync("/");
        var afterAMinute = (await _app.Get<ISessionStore>().ListActiveAsync(user.Id, _clock.GetUtcNow())).Single().LastSeenAt;

        Assert.That(afterHalfAMinute, Is.EqualTo(signedInAt));
        Assert.That(afterAMinute, Is.EqualTo(_clock.GetUtcNow()));
    }

    [Test]
    public async Task The_cookie_carries_a_random_secret_and_the_database_only_its_hash()
    {
        var cookies = new CookieContainer();
        var user = await _app.CreateUserAsync(Role.Reviewer);
        await _app.SignInAsync(user, _app.Client(cookies));
        var stored = (await _app.Get<ISessionStore>().ListActiveAsync(user.Id, _clock.GetUtcNow())).Single();

        var cookie = cookies.GetAllCookies().Single(c => c.Name == "diligence.session");
        var ticket = _app.Get<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(CookieAuthenticationDefaults.AuthenticationScheme).TicketDataFormat.Unprotect(cookie.Value);
        var secret = ticket?.Principal.FindFirst(DiligenceClaimTypes.SessionToken)?.Value;

        Assert.That(secret, Has.Length.EqualTo(43));
        Assert.That(stored.TokenHash, Is.EqualTo(SecretTokens.HashOf(secret!)).And.Not.EqualTo(secret));
        // The cookie names no role: each request reads it from the database.
        Assert.That(ticket!.Principal.FindFirst(System.Security.Claims.ClaimTypes.Role), Is.Null);
    }

    private async Task<Uri> CreateResetLinkAsync(HttpClient admin, UserAccount user)
    {
        var response = await admin.PostFormAsync("/admin/users?handler=Reset",
            new Dictionary<string, string> { ["userId"] = user.Id.ToString() }, "/admin/users");
        var link = ResetLink().Match(await response.Content.ReadAsStringAsync());
        Assert.That(link.Success, "the users page shows the reset link");
        return new Uri(WebUtility.HtmlDecode(link.Groups[1].Value));
    }

    private async Task<HttpStatusCode> SignInStatusAsync(string email, string password) =>
        (await _app.Client().PostFormAsync("/account/sign-in", new Dictionary<string, string> { ["email"] = email, ["password"] = password })).StatusCode;

    private async Task<IReadOnlyList<string>> AuditActionsAsync() =>
        await _app.Get<IAuditStore>().StreamAsync(AuditFilter.All).Select(e => e.Action).ToListAsync();

    private static CookieContainer CopyOf(CookieContainer cookies)
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in cookies.GetAllCookies())
        {
            copy.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }
        return copy;
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.OriginalString, Does.StartWith("http://localhost/account/sign-in"));
    }

    [GeneratedRegex("<input id=\"reset-link\" type=\"text\" readonly value=\"([^\"]+)\"")]
    private static partial Regex ResetLink();

    [GeneratedRegex("name=\"sessionId\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex SessionIds();
}
