using Microsoft.Extensions.Options;

namespace Diligence.Web.Accounts;

/// <summary>
/// What a new password must be: long enough, not a few characters repeated, not one of the commonest passwords, and not
/// made from the account's own e-mail address or name, which are the first guesses of anyone who knows them.
/// </summary>
public sealed class PasswordPolicy(IOptions<AccountOptions> options, CommonPasswords common)
{
    public const string Repetitive = "Use a less repetitive password.";
    public const string Common = "This password is one of the most commonly used, so it is among the first anyone would guess. Choose another.";
    public const string Personal = "Do not use your e-mail address or name in your password.";

    // Name parts this short (initials, "Li") occur in too many good passwords to refuse them.
    private const int ShortestPersonalPart = 3;

    /// <summary>The message shown beside the password field, or null when the password is acceptable for this account.</summary>
    public string? Check(string? password, string email, string displayName)
    {
        var minimum = options.Value.MinimumPasswordLength;
        if (string.IsNullOrEmpty(password) || password.Length < minimum)
        {
            return $"Use at least {minimum} characters.";
        }
        if (password.Distinct().Count() < 5)
        {
            return Repetitive;
        }
        if (PersonalPartsOf(email, displayName).Any(part => password.Contains(part, StringComparison.OrdinalIgnoreCase)))
        {
            return Personal;
        }
        return common.Contains(password) ? Common : null;
    }

    // The whole address, its local part and each word of it and of the name: "jane.doe@example.com" gives jane.doe, jane, doe.
    private static IEnumerable<string> PersonalPartsOf(string email, string displayName)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        var local = at > 0 ? email[..at] : email;
        char[] separators = [' ', '.', '_', '-', '+', '\'', ','];
        return new[] { email, local }
            .Concat(local.Split(separators))
            .Concat(displayName.Split(separators))
            .Select(part => part.Trim())
            .Where(part => part.Length >= ShortestPersonalPart);
    }
}
