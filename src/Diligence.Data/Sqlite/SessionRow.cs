using Diligence.Core.Accounts;

namespace Diligence.Data.Sqlite;

/// <summary>A sessions row as the providers return it; Dapper fills properties, converting as needed.</summary>
internal sealed class SessionRow
{
    public Guid Id { get; init; }

    public string TokenHash { get; init; } = "";

    public Guid UserId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset LastSeenAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public string? ClientAddress { get; init; }

    public string? UserAgent { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public string? EndedReason { get; init; }

    public UserSession ToSession() =>
        new(Id, TokenHash, UserId, CreatedAt, LastSeenAt, ExpiresAt, ClientAddress, UserAgent, EndedAt, EndedReason);
}
