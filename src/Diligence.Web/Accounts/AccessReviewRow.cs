namespace Diligence.Web.Accounts;

/// <summary>One account in the access review: who, which role, bound to which vendor, and whether it can sign in.</summary>
public sealed record AccessReviewRow(
    Guid UserId, string DisplayName, string Email, string Role, Guid? VendorId, string? VendorName, bool Disabled,
    DateTimeOffset CreatedAt);
