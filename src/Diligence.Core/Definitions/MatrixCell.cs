namespace Diligence.Core.Definitions;

/// <summary>What one cell takes: <see cref="ItemType.Text"/>, <see cref="ItemType.YesNoNa"/> or <see cref="ItemType.SingleChoice"/> (with <see cref="Options"/>).</summary>
public sealed record MatrixCell : DefinitionNode
{
    public required ItemType Type { get; init; }

    public IReadOnlyList<Option> Options { get; init; } = [];

    public bool IsChoice(string id) =>
        Type switch
        {
            ItemType.YesNoNa => YesNoNaItem.IsAnswerId(id),
            ItemType.SingleChoice => Options.Any(o => o.Id == id),
            _ => false,
        };
}
