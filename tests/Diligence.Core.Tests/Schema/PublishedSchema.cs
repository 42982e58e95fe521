using System.Text.Json.Nodes;
using Diligence.Tests.Shared;
using NJsonSchema;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json;
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
    public IReadOnlyList<string> Validate(JsonNode? document)
    {
        // Newtonsoft's default MaxDepth of 64 would stop deep documents before the schema sees them.
        using var reader = new JsonTextReader(new StringReader(document?.ToJsonString() ?? "null")) { MaxDepth = null };
        return [.. _schema.Validate(JToken.ReadFrom(reader)).Select(error => error.ToString())];
    }

    /// <summary>
    /// What an editor reports for a YAML text: every document is validated, and YAML it cannot read (bad syntax,
    /// duplicate keys, unresolved tags) counts as a violation.
    /// </summary>
    public IReadOnlyList<string> ValidateYaml(string yaml)
    {
        IReadOnlyList<JsonNode?> documents;
        try
        {
            documents = YamlToJson.ConvertDocuments(yaml);
        }
        catch (YamlException exception)
        {
            return [$"not YAML: {exception.Message}"];
        }

        return [.. documents.SelectMany(Validate)];
    }

    // NJsonSchema 11 does not resolve $refs that sit inside "$defs" (validation throws "reference has not been
    // resolved"); under draft-7's "definitions" it does. The tests load the same schema with that keyword renamed.
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
