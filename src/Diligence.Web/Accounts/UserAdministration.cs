using Diligence.Core.Accounts;
using Diligence.Core.Audit;
using Diligence.Data;
using Diligence.Web.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Diligence.Web.Accounts;

/// <summary>
/// Creates accounts, changes roles, disables and re-enables them, and changes and resets passwords; the only code that
/// writes password hashes. Every change that takes access away ends the user's sessions in its own transaction.
/// </summary>
public sealed class UserAdministration(
    IUserStore users,
    ISessionStore sessions,
    IPasswordHasher<UserAccount> hasher,
    PasswordPolicy passwords,
    IAuditTrail audit,
    IOptions<ServerSessionOptions> sessionOptions,
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
        if (role != Role.Admin && await IsOnlyAdministratorAsync(user, ct))
        {
            return OnlyAdministrator;
        }
        // Another admin should see it happen: a role change is how access is taken away.
        if (userId == actingUserId)
        {
            return OwnRole;
        }
        var record = new AuditRecord(AuditActions.UserRoleChanged, AuditResources.User, user.Id.ToString(), $"role={user.Role}", $"role={role}");
        await users.UpdateEndingSessionsAsync(
            user with { Role = role }, new SessionEnding(clock.GetUtcNow(), SessionEndReasons.RoleChanged), audit.Describe(record), ct);
        audit.Written(record.Action);
        return null;
    }

    public const string DisableOnlyAdministrator = "You cannot disable the only administrator; make another user an administrator first.";
    public const string DisableSelf = "You cannot disable your own account; ask another administrator to do it.";

    /// <summary>Disables the user, ending their sessions, or enables them again; returns why not, or null when done.</summary>
    public async Task<string?> SetDisabledAsync(Guid userId, bool disabled, Guid actingUserId, CancellationToken ct)
    {
        var user = await users.GetAsync(userId, ct);
        if (user is null)
        {
            return NoSuchUser;
        }
        if (user.Disabled == disabled)
        {
            return null;
        }
        // The system must keep someone who can administer it; that reason comes first, as it is the one to act on.
        if (disabled && await IsOnlyAdministratorAsync(user, ct))
        {
            return DisableOnlyAdministrator;
        }
        if (disabled && userId == actingUserId)
        {
            return DisableSelf;
        }
        var record = new AuditRecord(
            disabled ? AuditActions.UserDisabled : AuditActions.UserEnabled, AuditResources.User, user.Id.ToString(),
            $"disabled={user.Disabled}", $"disabled={disabled}");
        if (disabled)
        {
            await users.UpdateEndingSessionsAsync(
                user with { Disabled = true }, new SessionEnding(clock.GetUtcNow(), SessionEndReasons.Disabled), audit.Describe(record), ct);
        }
        else
        {
            await users.UpdateAsync(user with { Disabled = false }, audit.Describe(record), ct);
        }
        audit.Written(record.Action);
        return null;
    }

    // An administrator with no other enabled administrator beside them: demoting or disabling them leaves nobody to administer.
    private async Task<bool> IsOnlyAdministratorAsync(UserAccount user, CancellationToken ct) =>
        user.Role == Role.Admin
        && !(await users.ListAsync(ct)).Any(other => other.Id != user.Id && other.Role == Role.Admin && !other.Disabled);

    /// <summary>Signs the user out everywhere without disabling them; returns how many sessions ended, null when there is no such user.</summary>
    public async Task<int?> EndSessionsAsync(Guid userId, CancellationToken ct)
    {
        if (await users.GetAsync(userId, ct) is null)
        {
            return null;
        }
        var record = new AuditRecord(AuditActions.SessionEnded, AuditResources.User, userId.ToString(), After: "all sessions, by an administrator");
        var ended = await sessions.EndAllAsync(
            userId, new SessionEnding(clock.GetUtcNow(), SessionEndReasons.EndedByAdministrator), audit.Describe(record), ct);
        audit.Written(record.Action);
        return ended;
    }

    public const string CurrentPasswordWrong = "Your current password is not correct.";

    /// <summary>
    /// Changes the user's own password after checking the current one, ending every other session of theirs; returns the
    /// field errors (CurrentPassword, NewPassword), empty when done.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> ChangePasswordAsync(
        Guid userId, Guid currentSessionId, string? currentPassword, string? newPassword, CancellationToken ct)
    {
        var user = await users.GetAsync(userId, ct) ?? throw new InvalidOperationException(NoSuchUser);
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrEmpty(currentPassword)
            || hasher.VerifyHashedPassword(user, user.PasswordHash, currentPassword) == PasswordVerificationResult.Failed)
        {
            errors["CurrentPassword"] = CurrentPasswordWrong;
        }
        if (passwords.Check(newPassword, user.Email, user.DisplayName) is { } passwordError)
        {
            errors["NewPassword"] = passwordError;
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        var record = new AuditRecord(AuditActions.PasswordChanged, AuditResources.User, user.Id.ToString(), After: $"kept session={currentSessionId}");
        await users.UpdateEndingSessionsAsync(
            user with { PasswordHash = hasher.HashPassword(user, newPassword!) },
            new SessionEnding(clock.GetUtcNow(), SessionEndReasons.PasswordChanged, currentSessionId),
            audit.Describe(record), ct);
        audit.Written(record.Action);
        return errors;
    }

    /// <summary>Creates a one-time reset link token for the user (only its hash is stored); null when there is no such user.</summary>
    public async Task<string?> CreatePasswordResetAsync(Guid userId, Guid actingUserId, CancellationToken ct)
    {
        if (await users.GetAsync(userId, ct) is not { } user)
        {
            return null;
        }
        var token = SecretTokens.New();
        var now = clock.GetUtcNow();
        var reset = new PasswordReset(
            Guid.NewGuid(), SecretTokens.HashOf(token), user.Id, actingUserId, now, now.AddHours(sessionOptions.Value.ResetLinkHours), null);
        var record = new AuditRecord(AuditActions.PasswordResetCreated, AuditResources.User, user.Id.ToString(), After: $"reset={reset.Id} expires={reset.ExpiresAt:O}");
        await sessions.CreatePasswordResetAsync(reset, audit.Describe(record), ct);
        audit.Written(record.Action);
        return token;
    }

    public const string ResetLinkInvalid = "This password reset link is not valid. Check that you copied all of it, or ask an administrator for a new one.";
    public const string ResetLinkUsed = "This password reset link has already been used. Ask an administrator for a new one if you need it.";
    public const string ResetLinkExpired = "This password reset link has expired. Ask an administrator for a new one.";

    /// <summary>The account a reset link is for, or the sentence saying why the link does not work.</summary>
    public async Task<(UserAccount? User, PasswordReset? Reset, string? Refusal)> LookupResetAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100
            || await sessions.FindPasswordResetAsync(SecretTokens.HashOf(token), ct) is not { } reset
            || await users.GetAsync(reset.UserId, ct) is not { } user)
        {
            return (null, null, ResetLinkInvalid);
        }
        if (reset.UsedAt is not null)
        {
            return (null, null, ResetLinkUsed);
        }
        return reset.IsUsableAt(clock.GetUtcNow()) ? (user, reset, null) : (null, null, ResetLinkExpired);
    }

    /// <summary>
    /// Sets a new password through a reset link, using the link up and ending all the user's sessions; returns why the link
    /// does not work, or the password's field error (NewPassword), or neither when done.
    /// </summary>
    public async Task<(string? Refusal, IReadOnlyDictionary<string, string> Errors)> ResetPasswordAsync(
        string? token, string? newPassword, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var (user, reset, refusal) = await LookupResetAsync(token, ct);
        if (user is null || reset is null)
        {
            return (refusal, errors);
        }
        if (passwords.Check(newPassword, user.Email, user.DisplayName) is { } passwordError)
        {
            errors["NewPassword"] = passwordError;
            return (null, errors);
        }
        // The link's holder acts for the account; the request itself is not signed in.
        var record = new AuditRecord(AuditActions.PasswordReset, AuditResources.User, user.Id.ToString(), After: $"reset={reset.Id}",
            Actor: user.Email, Role: user.Role.ToString());
        if (!await sessions.CompletePasswordResetAsync(reset.Id, hasher.HashPassword(user, newPassword!), clock.GetUtcNow(), audit.Describe(record), ct))
        {
            return (ResetLinkUsed, errors);
        }
        audit.Written(record.Action);
        return (null, errors);
    }

    private static bool IsEmail(string value) =>
        value.Length is > 2 and <= 254 && value.IndexOf('@', StringComparison.Ordinal) is > 0 and var at
        && at < value.Length - 1 && !value.Any(char.IsWhiteSpace);
}
