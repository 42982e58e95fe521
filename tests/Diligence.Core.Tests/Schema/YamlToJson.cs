using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Diligence.Core.Tests.Schema;

/// <summary>
/// Converts a YAML document to JSON the way a YAML 1.2 editor sees it (core schema): plain true/false are
/// booleans, plain numbers are numbers, plain null/~/empty are null; everything else, and every quoted,
/// block or explicitly tagged scalar, is a string.
/// </summary>
internal static partial class YamlToJson
{
    /// <summary>The first document of <paramref name="yaml"/>; null for an empty stream. Throws <see cref="YamlException"/> on bad YAML.</summary>
    public static JsonNode? Convert(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 ? null : ToNode(stream.Documents[0].RootNode);
    }

    private static JsonNode? ToNode(YamlNode node) => node switch
    {
        YamlMappingNode mapping => ToObject(mapping),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToNode)]),
        YamlScalarNode scalar => ToValue(scalar),
        _ => throw new YamlException(node.Start, node.End, $"Unsupported YAML node {node.NodeType}."),
    };

    private static JsonObject ToObject(YamlMappingNode mapping)
    {
        var json = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                throw new YamlException(key.Start, key.End, "Only scalar mapping keys have a JSON form.");
            }

            json.Add(name, ToNode(value));
        }

        return json;
    }

    private static JsonValue? ToValue(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain || !scalar.Tag.IsEmpty)
        {
            return JsonValue.Create(text);
        }

        if (NullPattern().IsMatch(text))
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE")
        {
            return JsonValue.Create(true);
        }

        if (text is "false" or "False" or "FALSE")
        {
            return JsonValue.Create(false);
        }

        if (NumberPattern().IsMatch(text))
        {
            return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? JsonValue.Create(number)
                : JsonValue.Create(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        if (text.StartsWith("0x", StringComparison.Ordinal) && HexPattern().IsMatch(text))
        {
            return JsonValue.Create(System.Convert.ToInt64(text[2..], 16));
        }

        if (text.StartsWith("0o", StringComparison.Ordinal) && OctalPattern().IsMatch(text))
        {
            return JsonValue.Create(System.Convert.ToInt64(text[2..], 8));
        }

        // .inf and .nan have no JSON form; they stay text like every other plain scalar.
        return JsonValue.Create(text);
    }

    [GeneratedRegex("^(null|Null|NULL|~)?$")]
    private static partial Regex NullPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex("^0x[0-9a-fA-F]+$")]
    private static partial Regex HexPattern();

    [GeneratedRegex("^0o[0-7]+$")]
    private static partial Regex OctalPattern();
}
