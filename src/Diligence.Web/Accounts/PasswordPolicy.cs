using Microsoft.Extensions.Options;

namespace Diligence.Web.Accounts;

public sealed class PasswordPolicy(IOptions<AccountOptions> options)
{
    /// <summary>The message shown beside the password field, or null when the password is acceptable.</summary>
    public string? Check(string? password)
    {
        var minimum = options.Value.MinimumPasswordLength;
        if (string.IsNullOrEmpty(password) || password.Length < minimum)
        {
            return $"Use at least {minimum} characters.";
        }
        return password.Distinct().Count() < 5 ? "Use a less repetitive password." : null;
    }
}
