using System.Text.Json.Nodes;

namespace Diligence.Core.Tests.Schema;

/// <summary>What every published schema must be, so editors can autocomplete and explain while a person types.</summary>
[TestFixture("questionnaire.schema.json")]
[TestFixture("answers.schema.json")]
public sealed class PublishedSchemaShapeTests(string fileName)
{
    private PublishedSchema _schema = null!;

    [OneTimeSetUp]
    public async Task LoadSchema() => _schema = await PublishedSchema.LoadAsync(fileName);

    [Test]
    public void The_schema_is_a_draft_2020_12_document_with_an_id_and_definitions()
    {
        var document = _schema.Document;

        Assert.That((string?)document["$schema"], Is.EqualTo("https://json-schema.org/draft/2020-12/schema"));
        Assert.That((string?)document["$id"], Is.Not.Empty);
        Assert.That(document["$defs"], Is.InstanceOf<JsonObject>());
    }

    [Test]
    public void Every_reference_points_at_a_definition_and_every_definition_is_used() =>
        SchemaShape.AssertReferencesMatchDefinitions(_schema.Document);

    [Test]
    public void Every_property_has_a_description_for_editors() =>
        SchemaShape.AssertEveryPropertyIsDescribed(_schema.Document);

    [Test]
    public void Every_object_with_properties_forbids_unknown_properties() =>
        SchemaShape.AssertObjectsAreClosed(_schema.Document);

    [Test]
    public void The_schema_uses_only_keywords_that_NJsonSchema_enforces_or_editors_read() =>
        SchemaShape.AssertOnlyVerifiedKeywords(_schema.Document);
}
