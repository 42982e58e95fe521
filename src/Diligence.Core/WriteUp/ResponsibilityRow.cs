namespace Diligence.Core.WriteUp;

/// <summary>The obligations of each party (in <see cref="ResponsibilityTable.Parties"/> order) that apply to one scope.</summary>
public sealed record ResponsibilityRow(string Scope, IReadOnlyList<IReadOnlyList<string>> Obligations);
