using Diligence.Core.Accounts;

namespace Diligence.Data;

/// <summary>A session with its user as they are now, read together so each request costs one lookup.</summary>
public sealed record SessionAndUser(UserSession Session, UserAccount User);
