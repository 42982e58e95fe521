using System.Text.Json;
using YamlDotNet.Core;

namespace Diligence.Core.Tests.Schema;

public sealed class YamlToJsonTests
{
    [TestCase("true", "true")]
    [TestCase("False", "false")]
    [TestCase("12", "12")]
    [TestCase("-1.5", "-1.5")]
    [TestCase("1e3", "1000")]
    [TestCase("0x1F", "31")]
    [TestCase("~", "null")]
    [TestCase("null", "null")]
    [TestCase("", "null")]
    [TestCase("1.0.0", "\"1.0.0\"")]
    [TestCase("yes", "\"yes\"")]
    [TestCase("2026-11-01", "\"2026-11-01\"")]
    [TestCase("-P12M", "\"-P12M\"")]
    [TestCase(".inf", "\".inf\"")]
    [TestCase("'true'", "\"true\"")]
    [TestCase("\"12\"", "\"12\"")]
    [TestCase("!!str 12", "\"12\"")]
    public void Plain_scalars_are_typed_by_the_YAML_core_schema_and_quoted_ones_stay_text(string scalar, string json)
    {
        var document = YamlToJson.Convert($"value: {scalar}");

        Assert.That(document!["value"]?.ToJsonString() ?? "null", Is.EqualTo(json));
    }

    [Test]
    public void Mappings_sequences_and_aliases_become_objects_arrays_and_copies()
    {
        var document = YamlToJson.Convert("""
            base: &base { id: hosted, label: Hosted }
            options: [ *base, { id: dedicated, label: "Dedicated" } ]
            """);

        Assert.That(document!.ToJsonString(), Is.EqualTo(
            """{"base":{"id":"hosted","label":"Hosted"},"options":[{"id":"hosted","label":"Hosted"},{"id":"dedicated","label":"Dedicated"}]}"""));
    }

    [Test]
    public void Duplicate_keys_are_bad_YAML() =>
        Assert.That(() => YamlToJson.Convert("id: a\nid: b\n"), Throws.InstanceOf<YamlException>());

    [Test]
    public void An_empty_text_is_no_document() => Assert.That(YamlToJson.Convert(""), Is.Null);

    [Test]
    public void Block_scalars_stay_text() =>
        Assert.That(YamlToJson.Convert("text: |\n  42\n")!["text"]!.GetValue<string>(), Is.EqualTo("42\n"));

    [Test]
    public void A_number_keeps_its_value_as_a_JSON_number() =>
        Assert.That(YamlToJson.Convert("n: 3")!["n"]!.GetValueKind(), Is.EqualTo(JsonValueKind.Number));
}
