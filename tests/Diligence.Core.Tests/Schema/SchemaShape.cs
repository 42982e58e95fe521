using System.Text.Json.Nodes;

namespace Diligence.Core.Tests.Schema;

/// <summary>Assertions on how a published schema is written, walking every subschema.</summary>
internal static class SchemaShape
{
    private const string DefinitionPrefix = "#/$defs/";

    // Keywords NJsonSchema 11 was shown to enforce; it silently ignores others (const, if/then, propertyNames,
    // dependentRequired), which would make the tests pass on rules nobody checks.
    private static readonly HashSet<string> _enforcedKeywords =
    [
        "$ref", "type", "properties", "patternProperties", "additionalProperties", "required", "enum", "pattern",
        "minLength", "minimum", "items", "minItems", "uniqueItems", "oneOf", "anyOf", "not",
    ];

    // Read by editors (yaml-language-server) or by schema tooling; no effect on validation.
    private static readonly HashSet<string> _annotationKeywords =
        ["$schema", "$id", "$defs", "title", "description", "enumDescriptions"];

    private static readonly string[] _schemaMapKeywords = ["properties", "patternProperties", "$defs"];
    private static readonly string[] _schemaKeywords = ["items", "additionalProperties", "not"];
    private static readonly string[] _schemaListKeywords = ["oneOf", "anyOf", "allOf"];

    public static void AssertReferencesMatchDefinitions(JsonObject root)
    {
        var definitions = root["$defs"]!.AsObject();
        var referenced = Subschemas(root)
            .Select(subschema => (string?)subschema.Schema["$ref"])
            .OfType<string>()
            .ToHashSet();

        Assert.Multiple(() =>
        {
            foreach (var reference in referenced)
            {
                Assert.That(reference, Does.StartWith(DefinitionPrefix));
                Assert.That(definitions.ContainsKey(reference[DefinitionPrefix.Length..]), Is.True, $"{reference} has no definition");
            }

            var unused = definitions.Select(entry => entry.Key).Where(name => !referenced.Contains(DefinitionPrefix + name));
            Assert.That(unused, Is.Empty, "definitions nothing refers to");
        });
    }

    public static void AssertEveryPropertyIsDescribed(JsonObject root)
    {
        var undescribed =
            from subschema in Subschemas(root)
            from keyword in new[] { "properties", "patternProperties" }
            where subschema.Schema[keyword] is JsonObject
            from property in subschema.Schema[keyword]!.AsObject()
            where !IsDescribed(root, property.Value!.AsObject())
            select $"{subschema.Path}/{keyword}/{property.Key}";

        Assert.That(undescribed, Is.Empty);
    }

    public static void AssertObjectsAreClosed(JsonObject root)
    {
        // A schema with oneOf dispatches on `type` to variants that are closed themselves.
        var open =
            from subschema in Subschemas(root)
            where subschema.Schema.ContainsKey("properties") || subschema.Schema.ContainsKey("patternProperties")
            where !subschema.Schema.ContainsKey("oneOf")
            where subschema.Schema["additionalProperties"] is not JsonValue closed || closed.GetValue<bool>()
            select subschema.Path;

        Assert.That(open, Is.Empty);
    }

    public static void AssertOnlyVerifiedKeywords(JsonObject root)
    {
        var unverified =
            from subschema in Subschemas(root)
            from keyword in subschema.Schema.Select(entry => entry.Key)
            where !_enforcedKeywords.Contains(keyword) && !_annotationKeywords.Contains(keyword)
            select $"{subschema.Path}/{keyword}";

        Assert.That(unverified, Is.Empty);
    }

    private static bool IsDescribed(JsonObject root, JsonObject schema) =>
        schema.ContainsKey("description")
        || ((string?)schema["$ref"] is { } reference
            && root["$defs"]?[reference[DefinitionPrefix.Length..]] is JsonObject target
            && IsDescribed(root, target));

    private static IEnumerable<(string Path, JsonObject Schema)> Subschemas(JsonObject schema, string path = "#")
    {
        yield return (path, schema);
        foreach (var keyword in _schemaMapKeywords)
        {
            if (schema[keyword] is not JsonObject map)
            {
                continue;
            }

            foreach (var (name, child) in map)
            {
                foreach (var nested in Subschemas(child!.AsObject(), $"{path}/{keyword}/{name}"))
                {
                    yield return nested;
                }
            }
        }

        foreach (var keyword in _schemaKeywords)
        {
            if (schema[keyword] is JsonObject child)
            {
                foreach (var nested in Subschemas(child, $"{path}/{keyword}"))
                {
                    yield return nested;
                }
            }
        }

        foreach (var keyword in _schemaListKeywords)
        {
            if (schema[keyword] is JsonArray list)
            {
                for (var index = 0; index < list.Count; index++)
                {
                    foreach (var nested in Subschemas(list[index]!.AsObject(), $"{path}/{keyword}/{index}"))
                    {
                        yield return nested;
                    }
                }
            }
        }
    }
}
