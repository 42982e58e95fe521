namespace Diligence.Core.WriteUp;

/// <summary>Where one answer came from (<see cref="Source"/> in words, <see cref="Kind"/> for styling).</summary>
public sealed record ProvenanceRow(string Section, string Prompt, string Source, string Kind);
