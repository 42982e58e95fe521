namespace Diligence.Core.Yaml;

/// <summary>A YAML node with the 1-based position where it starts.</summary>
internal abstract class Node(int line, int column)
{
    public int Line { get; } = line;

    public int Column { get; } = column;

    /// <summary>How the node reads in an error message: "a mapping", "a list", "text".</summary>
    public abstract string Description { get; }
}
