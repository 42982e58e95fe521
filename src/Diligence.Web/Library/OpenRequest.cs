using Diligence.Core.Vendors;

namespace Diligence.Web.Library;

/// <summary>A request of a review that still waits for the vendor, with the reviewer who owns that review.</summary>
public sealed record OpenRequest(VendorRequest Request, string AskedBy);
