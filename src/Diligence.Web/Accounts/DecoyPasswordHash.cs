using System.Security.Cryptography;
using Diligence.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Diligence.Web.Accounts;

/// <summary>
/// The hash of a random password nobody knows, verified when the e-mail address tried has no account, so that attempt
/// costs the same hash as any other and takes as long: an unknown address is not told apart by its speed.
/// </summary>
public sealed class DecoyPasswordHash(IPasswordHasher<UserAccount> hasher)
{
    private static readonly UserAccount Nobody = new(
        Guid.Empty, "", "", "", Role.Reviewer, VendorId: null, Disabled: true, CreatedAt: DateTimeOffset.UnixEpoch);

    private readonly Lazy<string> _hash = new(() => hasher.HashPassword(Nobody, RandomNumberGenerator.GetHexString(32)));

    /// <summary>Always <see cref="PasswordVerificationResult.Failed"/>, after the work of a real verification.</summary>
    public PasswordVerificationResult Verify(string password) => hasher.VerifyHashedPassword(Nobody, _hash.Value, password);
}
