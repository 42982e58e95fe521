using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Diligence.Core.Yaml;

/// <summary>
/// Reads YAML text into a tree of <see cref="Node"/>s that keep their positions. It refuses anchors, aliases and tags
/// (so no input can expand), duplicate keys, nesting deeper than <see cref="MaxDepth"/> and more than
/// <see cref="MaxNodes"/> values.
/// </summary>
internal static partial class YamlTreeReader
{
    public const int MaxDepth = 64;
    public const int MaxNodes = 1_000_000;

    public static Node? Read(string text, DiagnosticBag bag)
    {
        try
        {
            return ReadEvents(new Parser(new StringReader(text)), bag);
        }
        catch (YamlException e)
        {
            bag.Error(ToInt(e.Start.Line), ToInt(e.Start.Column), $"invalid YAML: {BareMessage(e)}");
            return null;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or IndexOutOfRangeException
            or OverflowException)
        {
            // YamlDotNet signals some malformed input with these instead of a YamlException.
            bag.Error(1, 1, $"invalid YAML: {e.Message}");
            return null;
        }
    }

    private static Node? ReadEvents(Parser parser, DiagnosticBag bag)
    {
        var stack = new Stack<Frame>();
        Node? root = null;
        var documents = 0;
        var nodes = 0;
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            var line = ToInt(current.Start.Line);
            var column = ToInt(current.Start.Column);
            if (current is DocumentStart)
            {
                if (++documents > 1)
                {
                    bag.Error(line, column, "the file holds more than one YAML document");
                    return null;
                }
                continue;
            }
            if (current is NodeEvent nodeEvent)
            {
                if (++nodes > MaxNodes)
                {
                    bag.Error(line, column, string.Create(CultureInfo.InvariantCulture, $"the document has more than {MaxNodes} values"));
                    return null;
                }
                if (!nodeEvent.Anchor.IsEmpty)
                    bag.Error(line, column, "YAML anchors and aliases are not allowed");
                if (!nodeEvent.Tag.IsEmpty)
                    bag.Error(line, column, "YAML tags are not allowed");
            }
            Node? completed = null;
            switch (current)
            {
                case Scalar scalar:
                    completed = new ScalarNode(line, column, scalar.Value, scalar.Style is ScalarStyle.Plain or ScalarStyle.Any);
                    break;
                case AnchorAlias:
                    bag.Error(line, column, "YAML anchors and aliases are not allowed");
                    completed = new ScalarNode(line, column, "", isPlain: true);
                    break;
                case MappingStart or SequenceStart:
                    if (stack.Count >= MaxDepth)
                    {
                        bag.Error(line, column, string.Create(CultureInfo.InvariantCulture, $"nesting is deeper than {MaxDepth} levels"));
                        return null;
                    }
                    stack.Push(current is MappingStart ? new MappingFrame(line, column) : new SequenceFrame(line, column));
                    break;
                case MappingEnd or SequenceEnd:
                    completed = stack.Pop().ToNode();
                    break;
            }
            if (completed is null)
                continue;
            if (stack.Count == 0)
                root = completed;
            else
                stack.Peek().Add(completed, bag);
        }
        if (documents == 0)
            bag.Error(1, 1, "file is empty");
        return root;
    }

    private static int ToInt(long value) => (int)Math.Clamp(value, 0, int.MaxValue);

    /// <summary>YamlException prefixes its message with both marks; the diagnostic carries the position already.</summary>
    private static string BareMessage(YamlException e) => MarkPrefix().Replace(e.Message, "");

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.CultureInvariant)]
    private static partial Regex MarkPrefix();

    private abstract class Frame(int line, int column)
    {
        protected int Line { get; } = line;

        protected int Column { get; } = column;

        public abstract void Add(Node node, DiagnosticBag bag);

        public abstract Node ToNode();
    }

    private sealed class SequenceFrame(int line, int column) : Frame(line, column)
    {
        private readonly List<Node> _items = [];

        public override void Add(Node node, DiagnosticBag bag) => _items.Add(node);

        public override Node ToNode() => new SequenceNode(Line, Column, _items);
    }

    private sealed class MappingFrame(int line, int column) : Frame(line, column)
    {
        // Most mappings have a handful of keys: a scan finds duplicates faster than a set, which only large ones get.
        private const int ScannedKeys = 16;

        private readonly List<KeyValuePair<ScalarNode, Node>> _entries = [];
        private HashSet<string>? _keys;
        private ScalarNode? _pendingKey;
        private bool _expectingKey = true;

        public override void Add(Node node, DiagnosticBag bag)
        {
            if (_expectingKey)
            {
                _expectingKey = false;
                _pendingKey = null;
                if (node is not ScalarNode key)
                    bag.Error(node, "mapping keys must be text");
                else if (IsDuplicate(key.Text))
                    bag.Error(key, $"duplicate key '{key.Text}'");
                else
                    _pendingKey = key;
                return;
            }
            _expectingKey = true;
            if (_pendingKey is not null)
                _entries.Add(new(_pendingKey, node));
        }

        public override Node ToNode() => new MappingNode(Line, Column, _entries);

        private bool IsDuplicate(string key)
        {
            if (_keys is not null)
                return !_keys.Add(key);
            foreach (var entry in _entries)
            {
                if (entry.Key.Text == key)
                    return true;
            }
            if (_entries.Count >= ScannedKeys)
                _keys = new HashSet<string>(_entries.Select(e => e.Key.Text).Append(key), StringComparer.Ordinal);
            return false;
        }
    }
}
