namespace Diligence.Core.Yaml;

internal sealed class SequenceNode(int line, int column, IReadOnlyList<Node> items) : Node(line, column)
{
    public IReadOnlyList<Node> Items { get; } = items;

    public override string Description => "a list";
}
