using Diligence.Core.Definitions;
using Diligence.Tests.Shared;

namespace Diligence.Core.Tests.Schema;

public sealed class QuestionnaireSchemaTests
{
    // First line of an invalid corpus file: whether the schema sees its error or only the loader does.
    private const string RejectMarker = "# schema: reject";
    private const string AcceptMarker = "# schema: accept";

    private const string ValidQuestionnaire = """
        id: broken-sample
        version: 1.0.0
        title: Broken sample
        status: draft
        steps:
          - id: network
            title: Network posture
            items:
              - id: inbound-required
                key: network.inbound-required
                type: yes-no-na
                prompt: Does the vendor need inbound connectivity?
                flags:
                  yes: { severity: high, finding: The vendor requires inbound access. }
              - id: inbound-ports
                key: network.inbound-ports
                type: text
                prompt: Which ports?
                visibleWhen: { question: inbound-required, op: eq, value: yes }
        """;

    private PublishedSchema _schema = null!;

    [OneTimeSetUp]
    public async Task LoadSchema() => _schema = await PublishedSchema.LoadAsync("questionnaire.schema.json");

    [Test]
    public void Every_shipped_questionnaire_satisfies_the_schema()
    {
        var files = Directory.GetFiles(RepositoryRoot.Combine("questionnaires"), "*.yaml");

        Assert.Multiple(() =>
        {
            foreach (var file in files)
            {
                Assert.That(_schema.ValidateYaml(File.ReadAllText(file)), Is.Empty, file);
            }
        });
    }

    [Test]
    public void Every_invalid_corpus_file_says_on_its_first_line_whether_the_schema_sees_its_error()
    {
        var unmarked = CorpusFiles("Invalid").Where(file => SchemaMarker(file) is null).Select(Path.GetFileName);

        Assert.That(unmarked, Is.Empty, $"first line must be '{RejectMarker}' or '{AcceptMarker}'");
    }

    [Test]
    public void The_schema_rejects_every_invalid_corpus_file_marked_schema_reject()
    {
        var files = CorpusFiles("Invalid").Where(file => SchemaMarker(file) == RejectMarker);

        Assert.Multiple(() =>
        {
            foreach (var file in files)
            {
                Assert.That(_schema.ValidateYaml(File.ReadAllText(file)), Is.Not.Empty, Path.GetFileName(file));
            }
        });
    }

    [Test]
    public void The_schema_accepts_every_invalid_corpus_file_marked_schema_accept_whose_errors_only_the_loader_sees()
    {
        var files = CorpusFiles("Invalid").Where(file => SchemaMarker(file) == AcceptMarker);

        Assert.Multiple(() =>
        {
            foreach (var file in files)
            {
                Assert.That(_schema.ValidateYaml(File.ReadAllText(file)), Is.Empty, Path.GetFileName(file));
            }
        });
    }

    [Test]
    public void The_schema_and_the_loader_accept_every_valid_corpus_file()
    {
        Assert.Multiple(() =>
        {
            foreach (var file in CorpusFiles("Valid"))
            {
                var yaml = File.ReadAllText(file);
                Assert.That(_schema.ValidateYaml(yaml), Is.Empty, Path.GetFileName(file));
                Assert.That(QuestionnaireLoader.Load(yaml, file).Diagnostics, Is.Empty, Path.GetFileName(file));
            }
        });
    }

    [Test]
    public void A_questionnaire_using_every_construct_satisfies_the_schema_and_the_loader()
    {
        var yaml = File.ReadAllText(RepositoryRoot.Combine("tests", "Diligence.Core.Tests", "Schema", "every-construct.yaml"));

        Assert.That(_schema.ValidateYaml(yaml), Is.Empty);
        Assert.That(QuestionnaireLoader.Load(yaml, "every-construct.yaml").Diagnostics, Is.Empty);
    }

    [Test]
    public void The_broken_samples_base_questionnaire_satisfies_the_schema_and_the_loader()
    {
        Assert.That(_schema.ValidateYaml(ValidQuestionnaire), Is.Empty);
        Assert.That(QuestionnaireLoader.Load(ValidQuestionnaire, "x.yaml").Diagnostics, Is.Empty);
    }

    [TestCase("type: yes-no-na", "type: yes-no", TestName = "A_wrong_type_name_is_rejected")]
    [TestCase("        prompt: Which ports?\n", "", TestName = "A_missing_prompt_is_rejected")]
    [TestCase("severity: high", "severity: severe", TestName = "A_bad_severity_is_rejected")]
    [TestCase("op: eq", "op: equals", TestName = "A_bad_op_is_rejected")]
    [TestCase("prompt: Which ports?", "prompt: Which ports?\n        colour: red", TestName = "An_extra_property_is_rejected")]
    [TestCase("version: 1.0.0", "version: 1.0", TestName = "A_version_that_YAML_reads_as_a_number_is_rejected")]
    [TestCase("id: broken-sample", "id: Broken_Sample", TestName = "An_id_with_upper_case_letters_is_rejected")]
    [TestCase("key: network.inbound-ports", "key: Network..ports", TestName = "A_malformed_key_is_rejected")]
    [TestCase("status: draft", "status: final", TestName = "A_bad_status_is_rejected")]
    [TestCase("op: eq, value: yes", "op: anyOf, value: yes", TestName = "A_list_op_with_one_value_is_rejected")]
    [TestCase("op: eq, value: yes", "op: empty, value: yes", TestName = "A_presence_check_with_a_value_is_rejected")]
    [TestCase("{ question: inbound-required, op: eq, value: yes }", "{ question: inbound-required, op: eq, value: yes, all: [] }", TestName = "A_condition_mixing_a_comparison_and_all_is_rejected")]
    [TestCase("yes: { severity", "maybe: { severity", TestName = "A_flag_on_an_answer_yes_no_na_lacks_is_rejected")]
    [TestCase("prompt: Which ports?", "prompt: Which ports?\n        required: true\n        requiredWhen: { question: inbound-required, op: eq, value: yes }", TestName = "Required_true_together_with_requiredWhen_is_rejected")]
    [TestCase("type: text", "type: repeat\n        items: [ { id: port, key: network.port, type: number, prompt: Port, visibleWhen: { question: inbound-required, op: notEmpty } } ]", TestName = "A_repeat_sub_item_with_visibleWhen_is_rejected")]
    [TestCase("type: text", "type: repeat\n        items: [ { id: ports-group, type: group, title: Ports, items: [ { id: port, key: network.port, type: number, prompt: Port } ] } ]", TestName = "A_group_inside_a_repeat_is_rejected")]
    [TestCase("type: text", "type: single-choice\n        options: [ { id: none, label: None, exclusive: true } ]", TestName = "An_exclusive_option_on_a_single_choice_is_rejected")]
    [TestCase("type: text", "type: matrix\n        rows: [ { id: logs, label: Logs } ]\n        columns: vendor\n        cell: { type: text }", TestName = "Matrix_columns_that_are_neither_a_list_nor_from_are_rejected")]
    [TestCase("type: text", "type: matrix\n        rows: [ { id: logs, label: Logs } ]\n        columns: [ { id: vendor, label: Vendor } ]", TestName = "A_matrix_without_a_cell_is_rejected")]
    public void A_structurally_broken_questionnaire_is_rejected_by_the_schema_and_the_loader(string valid, string broken)
    {
        var yaml = Replace(ValidQuestionnaire, valid, broken);

        Assert.That(_schema.Validate(YamlToJson.Convert(yaml)), Is.Not.Empty);
        Assert.That(QuestionnaireLoader.Load(yaml, "x.yaml").Succeeded, Is.False);
    }

    private static string[] CorpusFiles(string folder)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Corpus", folder);
        return Directory.Exists(path) ? Directory.GetFiles(path, "*.yaml") : [];
    }

    private static string? SchemaMarker(string file)
    {
        using var reader = new StreamReader(file);
        var firstLine = reader.ReadLine()?.Trim();
        return firstLine is RejectMarker or AcceptMarker ? firstLine : null;
    }

    private static string Replace(string text, string original, string replacement)
    {
        Assert.That(text, Does.Contain(original), "the base questionnaire must contain the text the test replaces");
        return text.Replace(original, replacement, StringComparison.Ordinal);
    }
}
