using Diligence.Core.Accounts;
using Diligence.Core.Audit;
using Diligence.Data;
using Diligence.Web.Audit;
using Microsoft.AspNetCore.Identity;

namespace Diligence.Web.Accounts;

/// <summary>Creates accounts and changes roles; the only code that writes password hashes.</summary>
public sealed class UserAdministration(
    IUserStore users,
    IPasswordHasher<UserAccount> hasher,
    PasswordPolicy passwords,
    IAuditTrail audit,
    TimeProvider clock)
{
    public const string EmailTaken = "An account with this e-mail address already exists.";

    /// <summary>Creates the account and records it, or returns the field errors (field name → message) and creates nothing.</summary>
    public async Task<(UserAccount? User, IReadOnlyDictionary<string, string> Errors)> CreateAsync(
        NewUser input, CancellationToken ct)
    {
        var (account, errors) = await PrepareAsync(input, ct);
        if (account is null)
        {
            return (null, errors);
        }
        var record = new AuditRecord(AuditActions.UserCreated, AuditResources.User, account.Id.ToString(), After: SummaryOf(account));
        await users.CreateAsync(account, audit.Describe(record), ct);
        audit.Written(record.Action);
        return (account, errors);
    }

    /// <summary>
    /// The account to store, with its password hashed, or the field errors; stores nothing, so a caller can insert it
    /// together with other changes (an invitation's use, whose one audit event names the account).
    /// </summary>
    public async Task<(UserAccount? User, IReadOnlyDictionary<string, string> Errors)> PrepareAsync(NewUser input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var email = input.Email?.Trim() ?? "";
        if (!IsEmail(email))
        {
            errors[nameof(NewUser.Email)] = "Enter an e-mail address like name@example.com.";
        }
        else if (await users.FindByEmailAsync(email, ct) is not null)
        {
            errors[nameof(NewUser.Email)] = EmailTaken;
        }
        var name = input.DisplayName?.Trim() ?? "";
        if (name.Length is 0 or > 100)
        {
            errors[nameof(NewUser.DisplayName)] = "Enter a name of at most 100 characters.";
        }
        if (passwords.Check(input.Password, email, name) is { } passwordError)
        {
            errors[nameof(NewUser.Password)] = passwordError;
        }
        if (input.Role == Role.Vendor && input.VendorId is null)
        {
            errors[nameof(NewUser.VendorId)] = "A vendor user must belong to a vendor.";
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var account = new UserAccount(
            Guid.NewGuid(), email, name, "", input.Role,
            input.Role == Role.Vendor ? input.VendorId : null,
            Disabled: false, CreatedAt: clock.GetUtcNow());
        return (account with { PasswordHash = hasher.HashPassword(account, input.Password!) }, errors);
    }

    public static string SummaryOf(UserAccount account) =>
        $"email={account.Email} role={account.Role}" + (account.VendorId is { } vendor ? $" vendor={vendor}" : "");

    public const string OnlyAdministrator = "You cannot change the role of the only administrator; make another user an administrator first.";
    public const string OwnRole = "You cannot change your own role; ask another administrator to change it.";
    public const string RoleNotAllowed = "Vendor contacts keep the Vendor role, and staff cannot be given it.";
    public const string NoSuchUser = "This user no longer exists.";

    /// <summary>Changes the user's role, or returns why not.</summary>
    public async Task<string?> ChangeRoleAsync(Guid userId, Role role, Guid actingUserId, CancellationToken ct)
    {
        var user = await users.GetAsync(userId, ct);
        if (user is null)
        {
            return NoSuchUser;
        }
        if (user.Role == Role.Vendor || role == Role.Vendor)
        {
            return RoleNotAllowed;
        }
        // The system must keep someone who can administer it.
        if (user.Role == Role.Admin && role != Role.Admin
            && !(await users.ListAsync(ct)).Any(other => other.Id != user.Id && other.Role == Role.Admin && !other.Disabled))
        {
            return OnlyAdministrator;
        }
        // Another admin should see it happen: a role change is how access is taken away.
        if (userId == actingUserId)
        {
            return OwnRole;
        }
        var record = new AuditRecord(AuditActions.UserRoleChanged, AuditResources.User, user.Id.ToString(), $"role={user.Role}", $"role={role}");
        await users.UpdateAsync(user with { Role = role }, audit.Describe(record), ct);
        audit.Written(record.Action);
        return null;
    }

    private static bool IsEmail(string value) =>
        value.Length is > 2 and <= 254 && value.IndexOf('@', StringComparison.Ordinal) is > 0 and var at
        && at < value.Length - 1 && !value.Any(char.IsWhiteSpace);
}
