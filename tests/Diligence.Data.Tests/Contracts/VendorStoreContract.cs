namespace Diligence.Data.Tests.Contracts;

public abstract class VendorStoreContract : StoreContract
{
    [Test]
    public async Task Creating_given_an_audit_entry_appends_it_with_the_vendor()
    {
        var vendor = TestData.Vendor();

        await Database.Vendors.CreateAsync(vendor, TestData.AuditEntry("created"));

        var events = await Database.Audit.StreamAsync(AuditFilter.All).ToListAsync();
        Assert.That(events.Select(e => e.ResourceId), Is.EqualTo(new[] { "created" }));
        Assert.That(await Database.Vendors.GetAsync(vendor.Id), Is.EqualTo(vendor));
    }

    [Test]
    public async Task A_created_vendor_can_be_read_back()
    {
        var vendor = TestData.Vendor() with { Contacts = "Jane Doe <jane@astronomer.io>" };

        await Database.Vendors.CreateAsync(vendor);

        Assert.That(await Database.Vendors.GetAsync(vendor.Id), Is.EqualTo(vendor));
    }

    [Test]
    public async Task Optional_vendor_details_may_be_left_out()
    {
        var vendor = TestData.Vendor() with { Product = null, Website = null, Contacts = null };

        await Database.Vendors.CreateAsync(vendor);

        Assert.That(await Database.Vendors.GetAsync(vendor.Id), Is.EqualTo(vendor));
    }

    [Test]
    public async Task An_unknown_vendor_is_null() =>
        Assert.That(await Database.Vendors.GetAsync(Guid.NewGuid()), Is.Null);

    [Test]
    public async Task Vendors_are_listed_by_name()
    {
        var astral = await SeedVendorAsync("Astral", "uv");
        var astronomer = await SeedVendorAsync("Astronomer", "Astro");
        var astralog = await SeedVendorAsync("Astralog", null);

        var listed = await Database.Vendors.ListAsync();

        Assert.That(listed, Is.EqualTo(new[] { astral, astralog, astronomer }));
    }
}
