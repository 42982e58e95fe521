namespace Diligence.Core.WriteUp;

/// <summary>A row: its header cell (the matrix row's label; null for a list entry) and one cell per column.</summary>
public sealed record WriteUpTableRow(string? Header, IReadOnlyList<WriteUpCell> Cells);
