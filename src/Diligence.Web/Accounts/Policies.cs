namespace Diligence.Web.Accounts;

/// <summary>Authorization policy names; each page or endpoint names exactly one.</summary>
public static class Policies
{
    public const string Admin = nameof(Admin);

    /// <summary>Reviewers work reviews; Admins may too.</summary>
    public const string Reviewer = nameof(Reviewer);

    /// <summary>Anyone on the buying side: Admin, Reviewer, Procurement. Never a vendor user.</summary>
    public const string Staff = nameof(Staff);

    public const string Vendor = nameof(Vendor);
}
