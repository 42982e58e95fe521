namespace Diligence.Core.Answers;

/// <summary>Cells by row id, then column id; a cell is a <see cref="TextValue"/> or a <see cref="ChoiceValue"/>.</summary>
public sealed record MatrixValue(IReadOnlyDictionary<string, IReadOnlyDictionary<string, AnswerValue>> Rows) : AnswerValue
{
    public override bool IsEmpty => Rows.Values.All(columns => columns.Values.All(cell => cell.IsEmpty));

    public AnswerValue? this[string rowId, string columnId] =>
        Rows.TryGetValue(rowId, out var columns) && columns.TryGetValue(columnId, out var cell) ? cell : null;

    public bool Equals(MatrixValue? other) =>
        other is not null
        && Rows.Count == other.Rows.Count
        && Rows.All(row => other.Rows.TryGetValue(row.Key, out var columns) && ValueMaps.Equal(row.Value, columns));

    public override int GetHashCode()
    {
        var hash = 0;
        foreach (var row in Rows)
            hash ^= HashCode.Combine(row.Key, ValueMaps.Hash(row.Value));
        return hash;
    }
}
