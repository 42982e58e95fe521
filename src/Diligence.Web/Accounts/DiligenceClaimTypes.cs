namespace Diligence.Web.Accounts;

/// <summary>Claim names Diligence adds to the sign-in cookie beyond the standard ones.</summary>
public static class DiligenceClaimTypes
{
    public const string VendorId = "diligence:vendor";
}
