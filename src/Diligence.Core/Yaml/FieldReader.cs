using System.Globalization;

namespace Diligence.Core.Yaml;

/// <summary>
/// Reads the fields of one mapping, reporting unknown fields, missing required ones (at the mapping's start) and
/// values of the wrong YAML type (at the value).
/// </summary>
internal sealed class FieldReader
{
    // Listing the allowed fields helps only while the list is short enough to read.
    private const int MaxListedFields = 16;

    private readonly DiagnosticBag _bag;

    public FieldReader(MappingNode mapping, DiagnosticBag bag, IReadOnlyCollection<string>? allowed)
    {
        Mapping = mapping;
        _bag = bag;
        if (allowed is null)
            return;
        foreach (var entry in mapping.Entries)
        {
            if (!allowed.Contains(entry.Key.Text))
                bag.Error(entry.Key, UnknownFieldMessage(entry.Key.Text, allowed));
        }
    }

    public MappingNode Mapping { get; }

    public Node? Node(string name, bool required = false)
    {
        var node = Mapping[name];
        if (node is null && required)
            _bag.Error(Mapping, MissingFieldMessage(name));
        return node;
    }

    /// <summary>The node of a text field; an empty value counts as missing.</summary>
    public ScalarNode? TextNode(string name, bool required = false)
    {
        var node = Node(name, required);
        switch (node)
        {
            case null:
                return null;
            case ScalarNode { IsNull: true } when required:
                _bag.Error(node, $"'{name}' must not be empty");
                return null;
            case ScalarNode { IsNull: true }:
                return null;
            case ScalarNode scalar:
                return scalar;
            default:
                _bag.Error(node, $"'{name}' must be text, not {node.Description}");
                return null;
        }
    }

    public string? Text(string name, bool required = false) => TextNode(name, required)?.Text;

    public bool? Bool(string name)
    {
        var node = Node(name);
        if (node is null)
            return null;
        if (node is ScalarNode { IsPlain: true } scalar)
        {
            switch (scalar.Text)
            {
                case "true" or "True" or "TRUE":
                    return true;
                case "false" or "False" or "FALSE":
                    return false;
            }
        }
        _bag.Error(node, $"'{name}' must be true or false");
        return null;
    }

    public decimal? Number(string name)
    {
        var node = Node(name);
        if (node is null)
            return null;
        if (TryNumber(node, out var number))
            return number;
        _bag.Error(node, $"'{name}' must be a number");
        return null;
    }

    /// <summary>A whole number no less than <paramref name="min"/>.</summary>
    public int? WholeNumber(string name, int min)
    {
        var node = Node(name);
        if (node is null)
            return null;
        if (TryNumber(node, out var number) && number == decimal.Truncate(number) && number >= min && number <= int.MaxValue)
            return (int)number;
        _bag.Error(node, string.Create(CultureInfo.InvariantCulture, $"'{name}' must be a whole number no less than {min}"));
        return null;
    }

    public SequenceNode? List(string name, bool required = false, bool nonEmpty = false)
    {
        var node = Node(name, required);
        switch (node)
        {
            case null:
                return null;
            case SequenceNode { Items.Count: 0 } when nonEmpty:
                _bag.Error(node, $"'{name}' must not be empty");
                return null;
            case SequenceNode sequence:
                return sequence;
            default:
                _bag.Error(node, $"'{name}' must be a list, not {node.Description}");
                return null;
        }
    }

    public MappingNode? Map(string name, bool required = false)
    {
        var node = Node(name, required);
        switch (node)
        {
            case null:
                return null;
            case MappingNode mapping:
                return mapping;
            default:
                _bag.Error(node, $"'{name}' must be a mapping, not {node.Description}");
                return null;
        }
    }

    /// <summary>A plain YAML number: quoted text is text, even when it looks like a number.</summary>
    public static bool TryNumber(Node node, out decimal number)
    {
        number = 0;
        return node is ScalarNode { IsPlain: true } scalar
            && scalar.Text.Length is > 0 and < 64
            && !scalar.Text.StartsWith('.')
            && decimal.TryParse(scalar.Text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out number);
    }

    private static string UnknownFieldMessage(string field, IReadOnlyCollection<string> allowed) =>
        allowed.Count <= MaxListedFields
            ? $"unknown field '{field}'; expected one of: {string.Join(", ", allowed)}"
            : $"unknown field '{field}'";

    private static string MissingFieldMessage(string field) => $"missing required field '{field}'";
}
