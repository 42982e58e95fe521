using System.ComponentModel.DataAnnotations;

namespace Diligence.Web.Library;

/// <summary>The organization that runs this app and asks vendors for answers, as vendors see it in the portal.</summary>
public sealed class OrganizationOptions
{
    public const string Section = "Organization";

    /// <summary>What vendors call the asker when no name is configured.</summary>
    public const string Unnamed = "your customer";

    [StringLength(200)]
    public string? Name { get; set; }

    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Unnamed : Name.Trim();
}
