using System.Security.Cryptography;
using System.Text;

namespace Diligence.Web.Accounts;

/// <summary>
/// The one-time token that lets the first person create the first admin. It exists only while no user
/// exists; only its hash is kept, and it is compared in constant time.
/// </summary>
public sealed class FirstRunSetup
{
    private readonly Lock _gate = new();
    private byte[]? _tokenHash;

    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return _tokenHash is not null;
            }
        }
    }

    public string Open()
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))
            .Replace('+', '-').Replace('/', '_').TrimEnd('=');
        lock (_gate)
        {
            _tokenHash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        }
        return token;
    }

    public bool Matches(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        lock (_gate)
        {
            return _tokenHash is not null && CryptographicOperations.FixedTimeEquals(hash, _tokenHash);
        }
    }

    public void Close()
    {
        lock (_gate)
        {
            _tokenHash = null;
        }
    }
}
