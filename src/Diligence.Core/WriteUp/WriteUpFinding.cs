namespace Diligence.Core.WriteUp;

/// <summary>A finding as the write-up lists it: what was found, what raised it, the answerer's explanation, owner and status.</summary>
public sealed record WriteUpFinding(string Text, string? RaisedBy, string? Ask, string? Explanation, string? Owner, string Status);
