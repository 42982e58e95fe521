using System.Text.Json.Nodes;
using NJsonSchema;
using YamlDotNet.Core;

namespace Diligence.Core.Tests.Schema;

/// <summary>A schema from questionnaires/schema/, loaded into NJsonSchema for validating YAML documents.</summary>
internal sealed class PublishedSchema
{
    private readonly JsonSchema _schema;

    private PublishedSchema(JsonObject document, JsonSchema schema)
    {
        Document = document;
        _schema = schema;
    }

    /// <summary>The schema file as published.</summary>
    public JsonObject Document { get; }

    public static async Task<PublishedSchema> LoadAsync(string fileName)
    {
        var text = await File.ReadAllTextAsync(RepositoryRoot.Combine("questionnaires", "schema", fileName));
        var document = JsonNode.Parse(text)!.AsObject();
        var schema = await JsonSchema.FromJsonAsync(WithDefinitionsForNJsonSchema(document).ToJsonString());
        return new PublishedSchema(document, schema);
    }

    /// <summary>Every violation, one line each; empty when the document satisfies the schema.</summary>
    public IReadOnlyList<string> Validate(JsonNode? document) =>
        [.. _schema.Validate(document?.ToJsonString() ?? "null").Select(error => error.ToString())];

    /// <summary>Like <see cref="Validate"/> for a YAML text; YAML an editor cannot parse counts as a violation.</summary>
    public IReadOnlyList<string> ValidateYaml(string yaml)
    {
        JsonNode? document;
        try
        {
            document = YamlToJson.Convert(yaml);
        }
        catch (YamlException exception)
        {
            return [$"not YAML: {exception.Message}"];
        }

        return Validate(document);
    }

    // NJsonSchema 11 resolves $refs nested inside "$defs" only when they live under draft-7 "definitions":
    // the same schema under the old keyword name.
    private static JsonObject WithDefinitionsForNJsonSchema(JsonObject published)
    {
        var copy = published.DeepClone().AsObject();
        if (copy["$defs"] is JsonObject definitions)
        {
            copy.Remove("$defs");
            copy["definitions"] = definitions;
        }

        RewriteReferences(copy);
        return copy;
    }

    private static void RewriteReferences(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/$defs/", StringComparison.Ordinal))
                {
                    obj["$ref"] = "#/definitions/" + reference["#/$defs/".Length..];
                }

                foreach (var (_, child) in obj)
                {
                    RewriteReferences(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    RewriteReferences(child);
                }

                break;
        }
    }
}
