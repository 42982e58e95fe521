namespace Diligence.Core.Definitions;

[Flags]
public enum Audience
{
    None = 0,
    Vendor = 1,
    Reviewer = 2,
    Both = Vendor | Reviewer,
}
