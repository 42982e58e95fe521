namespace Diligence.Core.Yaml;

/// <summary>A mapping with text keys, in document order, without duplicate keys.</summary>
internal sealed class MappingNode(int line, int column, IReadOnlyList<KeyValuePair<ScalarNode, Node>> entries) : Node(line, column)
{
    public IReadOnlyList<KeyValuePair<ScalarNode, Node>> Entries { get; } = entries;

    public override string Description => "a mapping";

    public Node? this[string key]
    {
        get
        {
            foreach (var entry in Entries)
            {
                if (entry.Key.Text == key)
                    return entry.Value;
            }
            return null;
        }
    }

    public bool Contains(string key) => this[key] is not null;
}
