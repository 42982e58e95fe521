using System.Security.Claims;
using Diligence.Core.Accounts;
using Diligence.Core.Audit;
using Diligence.Data;
using Diligence.Web.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Diligence.Web.Accounts;

/// <summary>
/// Server-side sessions. The cookie carries only the user id and a random session secret; every request looks the session
/// up with its user, so sign-out, a role change, a password change or reset, and disabling a user reach every node at
/// once, and the role a request runs with is the one in the database now.
/// </summary>
/// <remarks>
/// No cache: one indexed read per request is the simplest lookup every node sees at once, and measured it costs less
/// (about 12 µs on SQLite) than the read of a user row by id (about 22 µs) that a cache would still need per request
/// to learn of a change made on another node (SessionLookupBenchmarks).
/// </remarks>
public sealed class SessionService(
    ISessionStore sessions,
    IOptions<AccountOptions> accounts,
    IOptions<ServerSessionOptions> options,
    IAuditTrail audit,
    TimeProvider clock)
{
    /// <summary>A session's last use is written at most this often, so busy pages (autosave) do not each write.</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    private const int UserAgentLength = 256;

    /// <summary>
    /// Starts a session for the user and sets the cookie that names it; <paramref name="signedIn"/>, the sign-in's event,
    /// commits with the session row. An account just created (set-up, an invitation) starts its first session without
    /// one: its creation is the event.
    /// </summary>
    public async Task StartAsync(HttpContext http, Guid userId, AuditRecord? signedIn, CancellationToken ct)
    {
        var token = SecretTokens.New();
        var now = clock.GetUtcNow();
        var userAgent = http.Request.Headers.UserAgent.ToString();
        await sessions.CreateAsync(new UserSession(
            Guid.NewGuid(), SecretTokens.HashOf(token), userId, now, now, now.AddHours(options.Value.AbsoluteHours),
            http.Connection.RemoteIpAddress?.ToString(),
            userAgent.Length > UserAgentLength ? userAgent[..UserAgentLength] : userAgent,
            null, null), signedIn is null ? null : audit.Describe(signedIn), ct);
        if (signedIn is not null)
        {
            audit.Written(signedIn.Action);
        }
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId.ToString()), new Claim(DiligenceClaimTypes.SessionToken, token)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(new ClaimsPrincipal(identity));
    }

    /// <summary>
    /// The cookie handler's check of each request: a session that is missing, ended, past its absolute limit, idle too
    /// long, or of a disabled user signs the request out; otherwise the request runs as the user is now.
    /// </summary>
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var ct = context.HttpContext.RequestAborted;
        var token = context.Principal?.FindFirstValue(DiligenceClaimTypes.SessionToken);
        var found = token is null ? null : await sessions.FindByTokenHashAsync(SecretTokens.HashOf(token), ct);
        var now = clock.GetUtcNow();
        if (found is not ({ User.Disabled: false } and var (session, user))
            || session.EndReasonAt(now, TimeSpan.FromMinutes(accounts.Value.SessionMinutes)) is not null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync();
            return;
        }
        if (now - session.LastSeenAt >= TouchInterval)
        {
            await sessions.TouchAsync(session.Id, now, ct);
        }
        var principal = SignInService.CreatePrincipal(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(DiligenceClaimTypes.SessionId, session.Id.ToString()));
        context.ReplacePrincipal(principal);
    }

    /// <summary>Ends the request's own session with its sign-out event, then clears the cookie.</summary>
    public async Task SignOutAsync(HttpContext http, CancellationToken ct)
    {
        var user = http.User;
        if (user.SessionId() is { } sessionId)
        {
            var record = new AuditRecord(AuditActions.SignOut, AuditResources.User, user.UserId().ToString(), After: $"session={sessionId}");
            if (await sessions.EndAsync(sessionId, user.UserId(), new SessionEnding(clock.GetUtcNow(), SessionEndReasons.SignedOut), audit.Describe(record), ct))
            {
                audit.Written(record.Action);
            }
        }
        await http.SignOutAsync();
    }

    /// <summary>The user's sessions that can still be used, newest first.</summary>
    public async Task<IReadOnlyList<UserSession>> ListActiveAsync(Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var idle = TimeSpan.FromMinutes(accounts.Value.SessionMinutes);
        return [.. (await sessions.ListActiveAsync(userId, now, ct)).Where(s => s.EndReasonAt(now, idle) is null)];
    }

    /// <summary>Ends one of the user's own sessions; false when the user has no such open session.</summary>
    public async Task<bool> EndAsync(Guid userId, Guid sessionId, CancellationToken ct)
    {
        var record = new AuditRecord(AuditActions.SessionEnded, AuditResources.User, userId.ToString(), After: $"session={sessionId}");
        var ended = await sessions.EndAsync(
            sessionId, userId, new SessionEnding(clock.GetUtcNow(), SessionEndReasons.EndedByUser), audit.Describe(record), ct);
        if (ended)
        {
            audit.Written(record.Action);
        }
        return ended;
    }

    /// <summary>Ends every session of the user but <paramref name="keep"/>; returns how many ended.</summary>
    public async Task<int> EndOthersAsync(Guid userId, Guid keep, CancellationToken ct)
    {
        var record = new AuditRecord(AuditActions.SessionEnded, AuditResources.User, userId.ToString(), After: $"all but session={keep}");
        var ended = await sessions.EndAllAsync(
            userId, new SessionEnding(clock.GetUtcNow(), SessionEndReasons.EndedByUser, keep), audit.Describe(record), ct);
        audit.Written(record.Action);
        return ended;
    }
}
