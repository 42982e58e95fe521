namespace Diligence.Core.WriteUp;

/// <summary>A line of the sign-off block: the role that signs and, where known, who.</summary>
public sealed record Signatory(string Role, string? Name);
