using System.Net;
using Diligence.Core.Accounts;
using Diligence.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Diligence.Web.Tests.Accounts;

/// <summary>Sessions slide with use and end after the configured idle time.</summary>
public sealed class SessionExpiryTests
{
    private AdjustableClock _clock = null!;
    private TestApp _app = null!;

    [SetUp]
    public void Start()
    {
        _clock = new AdjustableClock();
        _app = new TestApp(
            new Dictionary<string, string> { ["Accounts:SessionMinutes"] = "30" },
            services => services.AddSingleton<TimeProvider>(_clock));
    }

    [TearDown]
    public void Stop() => _app.Dispose();

    [Test]
    public async Task A_session_used_within_its_length_slides_and_one_left_idle_longer_ends()
    {
        var (client, _) = await _app.SignInAsAsync(Role.Reviewer);

        // Each request comes past half the session's length, so each renews it: 60 minutes in, still signed in.
        foreach (var _ in Enumerable.Range(0, 3))
        {
            _clock.Advance(TimeSpan.FromMinutes(20));
            Assert.That((await client.GetAsync("/vendors")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
        _clock.Advance(TimeSpan.FromMinutes(31));
        var idle = await client.GetAsync("/vendors");

        Assert.That(idle.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(idle.Headers.Location?.OriginalString, Does.Contain("/account/sign-in"));
    }
}
