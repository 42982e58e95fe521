namespace Diligence.Web.Accounts;

/// <summary>Claim names Diligence adds to the sign-in cookie beyond the standard ones.</summary>
public static class DiligenceClaimTypes
{
    public const string VendorId = "diligence:vendor";

    /// <summary>The session's random secret, in the protected cookie only; the server keeps its SHA-256.</summary>
    public const string SessionToken = "diligence:session-token";

    /// <summary>The session row's id, on the principal rebuilt for each request (never the secret).</summary>
    public const string SessionId = "diligence:session";
}
