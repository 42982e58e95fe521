namespace Diligence.Core.Accounts;

public enum Role
{
    Admin,
    Reviewer,
    Procurement,
    Vendor,
}
