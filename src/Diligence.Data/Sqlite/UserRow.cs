using Diligence.Core.Accounts;

namespace Diligence.Data.Sqlite;

/// <summary>A users row as SQLite returns it (64-bit integers); Dapper fills properties, converting as needed.</summary>
internal sealed class UserRow
{
    public Guid Id { get; init; }

    public string Email { get; init; } = "";

    public string DisplayName { get; init; } = "";

    public string PasswordHash { get; init; } = "";

    public Role Role { get; init; }

    public Guid? VendorId { get; init; }

    public bool Disabled { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public UserAccount ToAccount() =>
        new(Id, Email, DisplayName, PasswordHash, Role, VendorId, Disabled, CreatedAt);
}
