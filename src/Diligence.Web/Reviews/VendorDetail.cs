using Diligence.Core.Vendors;
using Diligence.Data;

namespace Diligence.Web.Reviews;

/// <summary>A vendor with its reviews, most recently changed first.</summary>
public sealed record VendorDetail(Vendor Vendor, IReadOnlyList<ReviewSummary> Reviews);
