using Diligence.Core.Accounts;
using Diligence.Core.Vendors;

namespace Diligence.Web.Library;

/// <summary>
/// The outcome of using an invitation link: the new user; or the link's state when it no longer works (null state and
/// no user and no errors: the link names no invitation); or field errors, the link still open.
/// </summary>
public sealed record InvitationAcceptance(UserAccount? User, InvitationState? State, IReadOnlyDictionary<string, string> Errors);
