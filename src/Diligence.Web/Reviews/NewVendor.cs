namespace Diligence.Web.Reviews;

/// <summary>The vendor form as posted.</summary>
public sealed record NewVendor(string? Name, string? Product, string? Website, string? Contacts);
