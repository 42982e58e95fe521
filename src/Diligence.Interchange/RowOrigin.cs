namespace Diligence.Interchange;

/// <summary>Where one generated answers-file line came from: its sheet and row, and the column each stretch of it was read from.</summary>
internal sealed record RowOrigin(string Sheet, int Row, IReadOnlyList<(int Start, int Column)> Spans);
