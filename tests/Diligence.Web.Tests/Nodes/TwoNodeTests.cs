using System.Net;
using System.Text.Json;
using Diligence.Core.Accounts;
using Diligence.Core.Reviews;
using Diligence.Web.Tests.Infrastructure;

namespace Diligence.Web.Tests.Nodes;

/// <summary>
/// Two app hosts over one database, as two nodes behind a load balancer without sticky sessions: whatever one node
/// hands a browser (sign-in cookie, antiforgery token, answer version) must hold on the other.
/// </summary>
public sealed class TwoNodeTests
{
    private TestApp _nodeA = null!;
    private TestApp _nodeB = null!;

    [SetUp]
    public void Start()
    {
        _nodeA = new TestApp();
        _nodeB = _nodeA.AnotherNode();
    }

    [TearDown]
    public void Stop()
    {
        _nodeB.Dispose();
        _nodeA.Dispose();
    }

    [Test]
    public async Task A_sign_in_cookie_from_node_A_is_accepted_by_node_B()
    {
        var cookies = new CookieContainer();
        var user = await _nodeA.CreateUserAsync(Role.Reviewer);
        await _nodeA.SignInAsync(user, _nodeA.Client(cookies));

        var response = await _nodeB.Client(cookies).GetAsync("/");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(user.DisplayName));
    }

    [Test]
    public async Task An_answer_saved_on_node_A_is_read_on_node_B_with_its_version_and_a_form_from_A_posts_to_B()
    {
        var cookies = new CookieContainer();
        var user = await _nodeA.CreateUserAsync(Role.Reviewer);
        var onA = await _nodeA.SignInAsync(user, _nodeA.Client(cookies));
        var onB = _nodeB.Client(cookies);
        var review = await _nodeA.CreateReviewAsync(user.Id);
        var step = $"/reviews/{review.Id}/steps/profile";

        var saved = await Autosave(onA, onA, review, step, ("v.summary", "0"), ("a.summary", "Saved on A"));
        var stale = await Autosave(onA, onB, review, step, ("v.summary", "0"), ("a.summary", "Stale on B"));
        var current = await Autosave(onA, onB, review, step, ("v.summary", "1"), ("a.summary", "Saved on B"));

        Assert.That(saved.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(stale.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(stale.Body.GetProperty("otherValue").GetString(), Is.EqualTo("Saved on A"));
        Assert.That(current.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(current.Body.GetProperty("version").GetInt32(), Is.EqualTo(2));
        Assert.That(await onA.GetStringAsync(step), Does.Contain("Saved on B"));
    }

    /// <summary>Posts as autosave.js does, with the antiforgery token of a page one node served, to the other node.</summary>
    private static async Task<(HttpStatusCode Status, JsonElement Body)> Autosave(
        HttpClient pageFrom, HttpClient postTo, Review review, string step, params (string Name, string Value)[] fields)
    {
        var token = HttpClientFormExtensions.AntiforgeryTokenOf(await pageFrom.GetStringAsync(step));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/reviews/{review.Id}/answers/summary")
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))),
        };
        request.Headers.Add("X-CSRF-TOKEN", token);
        request.Headers.Add("Accept", "application/json");
        var response = await postTo.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
