using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Diligence.Web.Accounts;

/// <summary>
/// Failed sign-ins, set-up tokens and invitation tokens per client address per minute, so one address cannot keep
/// guessing across many accounts. Only failures count: page views and successful attempts never do, so an office behind
/// one address is not locked out by using the app. Each e-mail address's own waits, per client, are separate and kept in the database (<see cref="SignInService"/>).
/// </summary>
/// <remarks>
/// The counts live in this node's memory (one instance per app, not static state): behind a load balancer each node
/// allows the limit, so an address gets at most nodes × limit failures a minute, and a restart forgets them. The
/// per-address waits, which are what stop guessing one password, hold across nodes and restarts.
/// </remarks>
public sealed class FailedAttemptLimit : IDisposable
{
    public const string Refusal = "Too many failed attempts from your network. Wait a minute and try again.";

    private readonly PartitionedRateLimiter<IPAddress?> _failures;

    public FailedAttemptLimit(IOptions<AccountOptions> options)
    {
        var perMinute = options.Value.SignInAttemptsPerMinute;
        _failures = PartitionedRateLimiter.Create<IPAddress?, string>(address => RateLimitPartition.GetFixedWindowLimiter(
            ClientOf(address),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    /// <summary>Whether the address has used up its failures for this minute; asking takes none.</summary>
    public bool IsExhausted(HttpContext context)
    {
        using var lease = _failures.AttemptAcquire(context.Connection.RemoteIpAddress, permitCount: 0);
        return !lease.IsAcquired;
    }

    public void Failed(HttpContext context)
    {
        using var lease = _failures.AttemptAcquire(context.Connection.RemoteIpAddress);
    }

    public void Dispose() => _failures.Dispose();

    /// <summary>The client an address belongs to: one client usually holds a whole IPv6 /64, so its addresses count as one.</summary>
    public static string ClientOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
