namespace Diligence.Core.Definitions;

public sealed record MatrixItem : AnswerableItem
{
    public override ItemType Type => ItemType.Matrix;

    public required IReadOnlyList<MatrixRow> Rows { get; init; }

    /// <summary>The columns; with <see cref="ColumnsFrom"/> these are that choice item's options.</summary>
    public required IReadOnlyList<MatrixColumn> Columns { get; init; }

    /// <summary>The id of the choice item whose options are the columns (the page shows those selected), or null for a fixed list.</summary>
    public string? ColumnsFrom { get; init; }

    public required MatrixCell Cell { get; init; }

    public MatrixRow? FindRow(string id) => Rows.FirstOrDefault(r => r.Id == id);

    public MatrixColumn? FindColumn(string id) => Columns.FirstOrDefault(c => c.Id == id);
}
