namespace Diligence.Core.Yaml;

internal sealed class ScalarNode(int line, int column, string text, bool isPlain) : Node(line, column)
{
    public string Text { get; } = text;

    /// <summary>Unquoted, so YAML reads it as a typed value (number, boolean, null) where it looks like one.</summary>
    public bool IsPlain { get; } = isPlain;

    public bool IsNull => IsPlain && Text is "" or "~" or "null" or "Null" or "NULL";

    public override string Description => IsNull ? "empty" : "text";
}
