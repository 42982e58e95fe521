using Diligence.Core.Vendors;
using Diligence.Core.Audit;
using Diligence.Data;
using Diligence.Web.Audit;

namespace Diligence.Web.Reviews;

/// <summary>Lists, shows and adds vendors.</summary>
public sealed class VendorDirectory(IVendorStore vendors, IReviewStore reviews, IAuditTrail audit, TimeProvider clock)
{
    public const int NameMaxLength = 200;
    public const int ProductMaxLength = 200;
    public const int WebsiteMaxLength = 2000;
    public const int ContactsMaxLength = 2000;

    public const string NameMissing = "Enter the name of the vendor.";
    public const string NameTooLong = "Use at most 200 characters for the name.";
    public const string ProductTooLong = "Use at most 200 characters for the product.";
    public const string WebsiteInvalid = "Enter a full web address starting with http:// or https://, like https://vendor.example.";
    public const string ContactsTooLong = "Use at most 2000 characters for the contacts.";

    public async Task<IReadOnlyList<VendorListing>> ListAsync(CancellationToken ct)
    {
        var counts = (await reviews.ListAsync(cancellationToken: ct))
            .GroupBy(r => r.Review.VendorId)
            .ToDictionary(g => g.Key, g => g.Count());
        return (await vendors.ListAsync(ct))
            .Select(v => new VendorListing(v, counts.GetValueOrDefault(v.Id)))
            .ToList();
    }

    public async Task<VendorDetail?> GetAsync(Guid vendorId, CancellationToken ct)
    {
        var vendor = await vendors.GetAsync(vendorId, ct);
        if (vendor is null)
        {
            return null;
        }
        var ofVendor = (await reviews.ListAsync(cancellationToken: ct)).Where(r => r.Review.VendorId == vendorId).ToList();
        return new VendorDetail(vendor, ofVendor);
    }

    /// <summary>Adds the vendor, or returns the field errors (field name → message) and adds nothing.</summary>
    public async Task<ChangeOutcome> CreateAsync(NewVendor input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors[nameof(NewVendor.Name)] = NameMissing;
        }
        else if (name.Length > NameMaxLength)
        {
            errors[nameof(NewVendor.Name)] = NameTooLong;
        }
        var product = Optional(input.Product);
        if (product?.Length > ProductMaxLength)
        {
            errors[nameof(NewVendor.Product)] = ProductTooLong;
        }
        var website = Optional(input.Website);
        if (website is not null && (website.Length > WebsiteMaxLength || !IsWebAddress(website)))
        {
            errors[nameof(NewVendor.Website)] = WebsiteInvalid;
        }
        var contacts = Optional(input.Contacts);
        if (contacts?.Length > ContactsMaxLength)
        {
            errors[nameof(NewVendor.Contacts)] = ContactsTooLong;
        }
        if (errors.Count > 0)
        {
            return new ChangeOutcome.Refused(errors);
        }
        var vendor = new Vendor(Guid.NewGuid(), name, product, website, contacts, clock.GetUtcNow());
        var record = new AuditRecord(AuditActions.VendorCreated, AuditResources.Vendor, vendor.Id.ToString(), After: $"name={vendor.Name}");
        await vendors.CreateAsync(vendor, audit.Describe(record), ct);
        audit.Written(record.Action);
        return new ChangeOutcome.Done(vendor.Id);
    }

    /// <summary>An absolute http or https URL: the only kind of address the pages turn into a link.</summary>
    public static bool IsWebAddress(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
