using System.Net;
using System.Text.RegularExpressions;
using Diligence.Core.Accounts;
using Diligence.Core.Reviews;
using Diligence.Web.Accounts;
using Diligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Diligence.Web.Tests.Reviews.ReviewBuilder;

namespace Diligence.Web.Tests.Security;

/// <summary>
/// Every route the app maps, taken from its endpoint data source: each must name who may use it, and every role (and
/// another vendor) outside that is refused. A new route without a policy fails here.
/// </summary>
public sealed partial class EndpointAccessTests
{
    // Reachable without signing in, on purpose.
    private static readonly HashSet<string> Anonymous = ["/account/sign-in", "/account/reset", "/setup", "/healthz", "/error/{code:int?}", "/invitations"];

    // Any signed-in user: pages that only route or explain, and each user's own sessions and password.
    private static readonly HashSet<string> AnySignedIn = ["", "/Index", "/account/sign-out", "/account/denied", "/account/sessions", "/account/password"];

    private static readonly Dictionary<string, Role[]> Allowed = new()
    {
        [Policies.Admin] = [Role.Admin],
        [Policies.Reviewer] = [Role.Admin, Role.Reviewer],
        [Policies.Staff] = [Role.Admin, Role.Reviewer, Role.Procurement],
        [Policies.Vendor] = [Role.Vendor],
    };

    private TestApp _app = null!;
    private Review _review = null!;
    private Dictionary<Role, HttpClient> _clients = null!;
    private HttpClient _otherVendor = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = new TestApp();
        var reviewer = await _app.CreateUserAsync(Role.Reviewer);
        _review = await _app.AddReviewAsync(reviewer.Id, ReviewStatus.InReview);
        var otherVendor = await _app.AddVendorAsync("Other");
        _clients = new Dictionary<Role, HttpClient>
        {
            [Role.Admin] = (await _app.SignInAsAsync(Role.Admin)).Client,
            [Role.Reviewer] = await _app.SignInAsync(reviewer),
            [Role.Procurement] = (await _app.SignInAsAsync(Role.Procurement)).Client,
            [Role.Vendor] = (await _app.SignInAsAsync(Role.Vendor, _review.VendorId)).Client,
        };
        _otherVendor = (await _app.SignInAsAsync(Role.Vendor, otherVendor.Id)).Client;
    }

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    private IReadOnlyList<(string Pattern, string Method, string? Policy, bool IsAnonymous)> Endpoints() =>
        _app.Get<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => (
                e.RoutePattern.RawText?.Trim('/') is { } raw ? (raw.Length == 0 ? "" : "/" + raw) : "",
                method,
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null),
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null)))
            .Distinct()
            .ToList();

    [Test]
    public void The_app_has_endpoints_to_check() =>
        Assert.That(Endpoints().Select(e => e.Pattern), Does.Contain("/admin/audit").And.Contain("/reviews/{reviewId:guid}/answers/{itemId}"));

    [Test]
    public void Every_endpoint_names_who_may_use_it()
    {
        foreach (var (pattern, method, policy, anonymous) in Endpoints())
        {
            if (anonymous)
            {
                Assert.That(Anonymous, Does.Contain(pattern), $"{method} {pattern} allows anonymous access but is not meant to.");
            }
            else if (policy is null)
            {
                Assert.That(AnySignedIn, Does.Contain(pattern), $"{method} {pattern} has no authorization policy.");
            }
            else
            {
                Assert.That(Allowed.Keys, Does.Contain(policy), $"{method} {pattern} has an unknown policy.");
            }
        }
    }

    [Test]
    public async Task Every_role_outside_an_endpoints_policy_is_refused()
    {
        foreach (var (pattern, method, policy, _) in Endpoints().Where(e => e.Policy is not null))
        {
            var url = Url(pattern);
            foreach (var (role, client) in _clients.Where(c => !Allowed[policy!].Contains(c.Key)))
            {
                var response = await Send(client, method, url);
                AssertRefused(response, $"{role} {method} {url}");
            }
            AssertRefused(await Send(_app.Client(), method, url), $"anonymous {method} {url}");
        }
    }

    [Test]
    public async Task A_vendor_never_reaches_another_vendors_data()
    {
        // Routes that name a resource; the others (/portal/steps/…) always mean the signed-in vendor's own library.
        foreach (var (pattern, method, _, _) in Endpoints().Where(e => e.Policy == Policies.Vendor
            && (e.Pattern.Contains("{reviewId", StringComparison.Ordinal) || e.Pattern.Contains("{vendorId", StringComparison.Ordinal))))
        {
            var url = Url(pattern);
            AssertRefused(await Send(_otherVendor, method, url), $"other vendor {method} {url}");
        }
    }

    private static void AssertRefused(HttpResponseMessage response, string what)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        var redirectedAway = response.StatusCode == HttpStatusCode.Redirect
            && (location.Contains("/account/denied", StringComparison.Ordinal) || location.Contains("/account/sign-in", StringComparison.Ordinal));
        Assert.That(redirectedAway || status is 400 or 401 or 403 or 404, Is.True, $"{what} answered {status} {location}");
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        request.Headers.Add("Accept", "text/html");
        if (method != HttpMethods.Get)
        {
            request.Content = new FormUrlEncodedContent([]);
        }
        return await client.SendAsync(request);
    }

    /// <summary>The pattern with its parameters filled in with the review's own ids, so an allowed role would see data.</summary>
    private string Url(string pattern) => Parameter().Replace(pattern, match => match.Groups["name"].Value switch
    {
        "reviewId" => _review.Id.ToString(),
        "vendorId" => _review.VendorId.ToString(),
        "itemId" => "inbound",
        "stepId" => "network",
        "code" => "404",
        _ => match.Groups["optional"].Success ? "" : "x",
    });

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:[^}?]+)?(?<optional>\?)?\}")]
    private static partial Regex Parameter();
}
