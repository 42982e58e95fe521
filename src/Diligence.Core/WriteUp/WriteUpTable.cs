namespace Diligence.Core.WriteUp;

/// <summary>
/// A matrix answer (rows × the columns that were selected or hold answers) or a list of entries (one row each).
/// <see cref="Corner"/> heads the row-header column; null when the rows have no header.
/// </summary>
public sealed record WriteUpTable(string? Corner, IReadOnlyList<string> Columns, IReadOnlyList<WriteUpTableRow> Rows);
