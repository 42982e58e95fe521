namespace Diligence.Core.Accounts;

/// <summary>A local account. VendorId is set for vendor users, who see only that vendor.</summary>
public sealed record UserAccount(
    Guid Id,
    string Email,
    string DisplayName,
    string PasswordHash,
    Role Role,
    Guid? VendorId,
    bool Disabled,
    DateTimeOffset CreatedAt);
