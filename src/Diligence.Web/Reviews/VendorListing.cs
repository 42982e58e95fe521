using Diligence.Core.Vendors;

namespace Diligence.Web.Reviews;

/// <summary>A vendor on the vendor list, with how many reviews it has had.</summary>
public sealed record VendorListing(Vendor Vendor, int ReviewCount);
