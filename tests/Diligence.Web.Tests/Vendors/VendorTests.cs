using System.Net;
using Diligence.Core.Accounts;
using Diligence.Core.Reviews;
using Diligence.Data;
using Diligence.Web.Reviews;
using Diligence.Web.Tests.Infrastructure;
using static Diligence.Web.Tests.Reviews.ReviewBuilder;

namespace Diligence.Web.Tests.Vendors;

/// <summary>The vendor list, the new vendor form and a vendor's page.</summary>
public sealed class VendorTests
{
    private TestApp _app = null!;
    private HttpClient _reviewer = null!;
    private UserAccount _reviewerUser = null!;
    private HttpClient _procurement = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = new TestApp();
        (_reviewer, _reviewerUser) = await _app.SignInAsAsync(Role.Reviewer);
        (_procurement, _) = await _app.SignInAsAsync(Role.Procurement);
    }

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    private Task<HttpResponseMessage> PostVendor(HttpClient client, params (string Name, string Value)[] fields) =>
        client.PostFormAsync("/vendors/new", Fields(fields), "/vendors");

    [Test]
    public async Task A_reviewer_adds_a_vendor_which_is_then_listed_with_its_website_as_a_link()
    {
        var name = $"Astronomer {Guid.NewGuid():N}";

        var response = await PostVendor(_reviewer,
            ("Name", name), ("Product", "Astro"), ("Website", "https://www.astronomer.io"),
            ("Contacts", "Jane Doe <jane@astronomer.example>\nSecurity team <security@astronomer.example>"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var vendor = (await _app.Get<IVendorStore>().ListAsync()).Single(v => v.Name == name);
        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo($"/vendors/{vendor.Id}"));
        Assert.That(vendor.Product, Is.EqualTo("Astro"));
        var list = await _reviewer.GetStringAsync("/vendors");
        Assert.That(list, Does.Contain($"<a href=\"/vendors/{vendor.Id}\">{name}</a>"));
        Assert.That(list, Does.Contain("<a href=\"https://www.astronomer.io\" rel=\"noopener noreferrer\">https://www.astronomer.io</a>"));
        Assert.That(list, Does.Contain(Html("Jane Doe <jane@astronomer.example>")));
    }

    [Test]
    public async Task A_vendor_without_a_name_and_with_a_relative_website_is_refused_with_messages_beside_the_fields_and_the_input_kept()
    {
        var response = await PostVendor(_reviewer,
            ("Name", "  "), ("Product", "Kept product"), ("Website", "www.example.com"), ("Contacts", "Kept contact"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await response.Content.ReadAsStringAsync();
        Assert.That(page, Does.Contain($"<p class=\"error-text\" id=\"f-name-error\">{Html(VendorDirectory.NameMissing)}</p>"));
        Assert.That(page, Does.Contain($"<p class=\"error-text\" id=\"f-website-error\">{Html(VendorDirectory.WebsiteInvalid)}</p>"));
        Assert.That(page, Does.Contain("value=\"Kept product\"").And.Contain("value=\"www.example.com\""));
        Assert.That(page, Does.Contain(">Kept contact</textarea>"));
        Assert.That((await _app.Get<IVendorStore>().ListAsync()).Any(v => v.Product == "Kept product"), Is.False);
    }

    [Test]
    public async Task A_name_longer_than_200_characters_is_refused()
    {
        var response = await PostVendor(_reviewer, ("Name", new string('n', 201)), ("Website", "ftp://files.example.com"));

        var page = await response.Content.ReadAsStringAsync();
        Assert.That(page, Does.Contain($"id=\"f-name-error\">{Html(VendorDirectory.NameTooLong)}</p>"));
        Assert.That(page, Does.Contain($"id=\"f-website-error\">{Html(VendorDirectory.WebsiteInvalid)}</p>"), "only http and https");
    }

    [Test]
    public async Task A_procurement_user_cannot_create_a_vendor()
    {
        var name = $"Sneaky {Guid.NewGuid():N}";

        var form = await _procurement.GetAsync("/vendors/new");
        var post = await PostVendor(_procurement, ("Name", name));

        Assert.That(form.Headers.Location?.AbsolutePath, Is.EqualTo("/account/denied"));
        Assert.That(post.Headers.Location?.AbsolutePath, Is.EqualTo("/account/denied"));
        Assert.That((await _app.Get<IVendorStore>().ListAsync()).Any(v => v.Name == name), Is.False);
    }

    [Test]
    public async Task Procurement_reads_the_vendor_list_but_is_not_offered_a_new_vendor()
    {
        var vendor = await _app.AddVendorAsync();

        var page = await _procurement.GetStringAsync("/vendors");

        Assert.That(page, Does.Contain(vendor.Name));
        Assert.That(page, Does.Not.Contain("href=\"/vendors/new\""));
    }

    [Test]
    public async Task A_vendor_user_cannot_see_the_vendors()
    {
        var vendor = await _app.AddVendorAsync();
        var (client, _) = await _app.SignInAsAsync(Role.Vendor, vendor.Id);

        foreach (var url in new[] { "/vendors", "/vendors/new", $"/vendors/{vendor.Id}" })
        {
            var response = await client.GetAsync(url);
            Assert.That(response.Headers.Location?.AbsolutePath, Is.EqualTo("/account/denied"), url);
        }
    }

    [Test]
    public async Task An_anonymous_visitor_is_sent_to_sign_in()
    {
        var response = await _app.Client().GetAsync("/vendors");

        Assert.That(response.Headers.Location?.AbsolutePath, Is.EqualTo("/account/sign-in"));
    }

    [Test]
    public async Task A_vendor_page_lists_its_reviews_and_the_list_counts_them()
    {
        var vendor = await _app.AddVendorAsync();
        var first = await _app.AddReviewAsync(_reviewerUser.Id, ReviewStatus.Decided, vendor.Id);
        var second = await _app.AddReviewAsync(_reviewerUser.Id, ReviewStatus.Draft, vendor.Id);

        var page = await _procurement.GetStringAsync($"/vendors/{vendor.Id}");
        var list = await _procurement.GetStringAsync("/vendors");

        Assert.That(page, Does.Contain($"href=\"/reviews/{first.Id}\"").And.Contain($"href=\"/reviews/{second.Id}\""));
        Assert.That(page, Does.Contain("Approved"));
        var row = list[list.IndexOf(vendor.Name, StringComparison.Ordinal)..];
        Assert.That(row[..row.IndexOf("</tr>", StringComparison.Ordinal)], Does.Contain("<td data-label=\"Reviews\">2</td>"));
    }

    [Test]
    public async Task An_unknown_vendor_is_not_found()
    {
        var response = await _reviewer.GetAsync($"/vendors/{Guid.NewGuid()}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
