using Diligence.Tests.Shared;

namespace Diligence.Core.Tests.Schema;

public sealed class AnswersSchemaTests
{
    // The example from questionnaires/README.md.
    private const string ValidAnswers = """
        questionnaire: { id: vendor-security-diligence, version: 1.0.0 }
        vendor: { name: Astronomer, product: Astro }
        asOf: 2026-11-01
        answers:
          deployment.models-offered: { value: [hosted, dedicated, remote-execution, private-cloud] }
          network.inbound-required: { value: no, justification: Agents connect outbound only. }
          boundary.component-locations:
            value:
              control-plane: { hosted: Astronomer infrastructure, private-cloud: Customer infrastructure }
            note: From the vendor's public diligence page, section 3.
          certifications.held:
            value:
              - { cert-framework: soc2, cert-expiry: 2027-03-31 }
          evidence.soc2-report:
            value: { title: SOC 2 Type II report, availability: nda }
            evidence:
              - { title: Trust page, url: "https://example.com/trust", availability: public, effective: 2026-01-01, expires: 2027-01-01 }
            asOf: 2026-10-01
        """;

    private PublishedSchema _schema = null!;

    [OneTimeSetUp]
    public async Task LoadSchema() => _schema = await PublishedSchema.LoadAsync("answers.schema.json");

    [Test]
    public void The_format_contract_example_satisfies_the_schema() =>
        Assert.That(_schema.ValidateYaml(ValidAnswers), Is.Empty);

    [Test]
    public void Every_shipped_sample_answers_file_satisfies_the_schema()
    {
        var folder = RepositoryRoot.Combine("questionnaires", "samples");
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.yaml") : [];

        Assert.Multiple(() =>
        {
            foreach (var file in files)
            {
                Assert.That(_schema.ValidateYaml(File.ReadAllText(file)), Is.Empty, file);
            }
        });
    }

    [Test]
    public void The_valid_corpus_answers_satisfy_the_schema()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Corpus", "Valid", "answers"), "*.yaml");

        Assert.That(files, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var file in files)
            {
                Assert.That(_schema.ValidateYaml(File.ReadAllText(file)), Is.Empty, Path.GetFileName(file));
            }
        });
    }

    [TestCase("questionnaire: { id: vendor-security-diligence, version: 1.0.0 }\n", "", TestName = "Answers_without_a_questionnaire_are_rejected")]
    [TestCase("version: 1.0.0", "version: 1.0", TestName = "A_questionnaire_version_that_YAML_reads_as_a_number_is_rejected")]
    [TestCase("network.inbound-required: { value: no,", "network.inbound-required: { answer: no,", TestName = "An_answer_without_a_value_is_rejected")]
    [TestCase("justification: Agents", "comment: Agents", TestName = "An_unknown_answer_property_is_rejected")]
    [TestCase("availability: public", "availability: secret", TestName = "A_bad_evidence_availability_is_rejected")]
    [TestCase("network.inbound-required:", "Network.Inbound:", TestName = "A_malformed_answer_key_is_rejected")]
    [TestCase("asOf: 2026-11-01", "asOf: 1 November 2026", TestName = "A_date_that_is_not_ISO_is_rejected")]
    [TestCase("vendor: { name: Astronomer,", "vendor: { company: Astronomer,", TestName = "An_unknown_vendor_field_is_rejected")]
    public void A_structurally_broken_answers_file_is_rejected_by_the_schema(string valid, string broken)
    {
        Assert.That(ValidAnswers, Does.Contain(valid), "the base answers must contain the text the test replaces");
        var document = YamlToJson.Convert(ValidAnswers.Replace(valid, broken, StringComparison.Ordinal));

        Assert.That(_schema.Validate(document), Is.Not.Empty);
    }
}
