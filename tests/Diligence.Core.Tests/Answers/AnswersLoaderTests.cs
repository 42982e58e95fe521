using Diligence.Core.Answers;
using Diligence.Core.Definitions;

namespace Diligence.Core.Tests.Answers;

public sealed class AnswersLoaderTests
{
    private static readonly Lazy<Questionnaire> _everyType = new(() => QuestionnaireLoader.LoadFile(TestFiles.Valid("every-type.yaml")).Value!);

    private static string AnswersPath => TestFiles.Valid(Path.Combine("answers", "every-type.yaml"));

    [Test]
    public void An_answers_file_is_read_by_key_with_its_header_facts()
    {
        var sheet = AnswersLoader.LoadFile(AnswersPath, _everyType.Value).Value!;

        Assert.Multiple(() =>
        {
            Assert.That((sheet.QuestionnaireId, sheet.QuestionnaireVersion), Is.EqualTo(("every-type", "1.2.0-beta.1")));
            Assert.That((sheet.VendorName, sheet.Product, sheet.AsOf), Is.EqualTo(("Astronomer", "Astro", (DateOnly?)new DateOnly(2026, 11, 1))));
            Assert.That(sheet["profile.data-classes"], Is.EqualTo(new Answer(new ChoicesValue(["phi", "pii"]))));
            Assert.That(sheet["profile.user-count"]!.Value, Is.EqualTo(new NumberValue(250)));
            Assert.That(sheet["network.inbound-required"], Is.EqualTo(new Answer(new ChoiceValue("no"), Justification: "Agents connect outbound only.")));
            Assert.That(((MatrixValue)sheet["boundary.component-locations"]!.Value)["logs", "remote-execution"], Is.EqualTo(new TextValue("Customer")));
            Assert.That(sheet["boundary.component-locations"]!.Note, Is.EqualTo("From the vendor's public diligence page, section 3."));
            Assert.That(((RepeatValue)sheet["certifications.held"]!.Value).Entries[0]["cert-report"],
                Is.EqualTo(new EvidenceValue(new EvidenceReference("SOC 2 Type II", Availability: EvidenceAvailability.Nda))));
            Assert.That(sheet["evidence.soc2-report"], Is.EqualTo(new Answer(
                new EvidenceValue(new EvidenceReference("SOC 2 Type II report", null, null, EvidenceAvailability.Nda, new DateOnly(2026, 7, 15), new DateOnly(2027, 7, 15))),
                Evidence: [new EvidenceReference("Bridge letter", "https://example.com/bridge.pdf")],
                AsOf: new DateOnly(2026, 10, 1))));
            Assert.That(sheet["no.such.key"], Is.Null);
        });
    }

    [Test]
    public void Answers_to_hidden_items_are_warnings_and_the_sheet_keeps_them()
    {
        var yaml = """
            questionnaire: { id: every-type, version: 1.2.0-beta.1 }
            answers:
              profile.data-classes: { value: [pii] }
              certifications.none-reason: { value: None yet. }
              certifications.soc2-period-end: { value: 2099-01-01 }
            """;

        var result = AnswersLoader.Load(yaml, "a.yaml", _everyType.Value, new DateOnly(2026, 11, 1));

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.EqualTo(new[]
        {
            "a.yaml:5:3: warning: answer to 'certifications.soc2-period-end' is ignored: the item is hidden by other answers",
        }));
        Assert.That(result.Value!["certifications.soc2-period-end"], Is.Not.Null);
    }

    [Test]
    public void Date_bounds_are_checked_relative_to_the_given_day()
    {
        var yaml = """
            questionnaire: { id: every-type, version: 1.2.0-beta.1 }
            answers:
              certifications.held: { value: [ { cert-framework: soc2 } ] }
              certifications.soc2-period-end: { value: 2026-06-30 }
            """;

        Assert.That(AnswersLoader.Load(yaml, "a.yaml", _everyType.Value, new DateOnly(2026, 7, 1)).Succeeded, Is.True);
        Assert.That(AnswersLoader.Load(yaml, "a.yaml", _everyType.Value, new DateOnly(2026, 6, 1)).Diagnostics.Single().Message,
            Is.EqualTo("answer 'certifications.soc2-period-end': Enter a date no later than 2026-06-01."));
    }

    [TestCase("questionnaire: { id: q, version: 1.0.0 }\nanswers: {}\n", "q", "1.0.0")]
    [TestCase("answers: {}\n", "", "")]
    [TestCase("questionnaire: { id: q }\nanswers:\n  a.b: { value: x }\n", "q", "")]
    public void ReadHeader_finds_the_questionnaire_of_an_answers_file(string yaml, string id, string version) =>
        Assert.That(AnswersLoader.ReadHeader(yaml), Is.EqualTo(new AnswersHeader(id, version)));

    [TestCase("id: q\nversion: 1.0.0\nsteps: []\n")]
    [TestCase("")]
    [TestCase("[1, 2]")]
    [TestCase("answers: [")]
    [TestCase("\0\0\0")]
    public void ReadHeader_is_null_for_anything_but_an_answers_file(string yaml) =>
        Assert.That(AnswersLoader.ReadHeader(yaml), Is.Null);

    [Test]
    public void ReadHeader_reads_the_shipped_questionnaire_as_not_answers()
    {
        Assert.That(AnswersLoader.ReadHeader(TestFiles.ReadValid("every-type.yaml")), Is.Null);
        Assert.That(AnswersLoader.ReadHeader(File.ReadAllText(AnswersPath)), Is.EqualTo(new AnswersHeader("every-type", "1.2.0-beta.1")));
    }

    [Test]
    public void An_answer_sheet_is_immutable_and_With_returns_a_changed_copy()
    {
        var empty = AnswerSheet.Empty(_everyType.Value);
        var one = empty.With("profile.user-count", new Answer(new NumberValue(3)));
        var none = one.With("profile.user-count", null);

        Assert.Multiple(() =>
        {
            Assert.That(empty.Count, Is.Zero);
            Assert.That(one.Count, Is.EqualTo(1));
            Assert.That(none.Count, Is.Zero);
            Assert.That(one["profile.user-count"]!.Value, Is.EqualTo(new NumberValue(3)));
            Assert.That((one.QuestionnaireId, one.QuestionnaireVersion), Is.EqualTo(("every-type", "1.2.0-beta.1")));
        });
    }

    [Test]
    public void Answer_values_compare_by_content()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new ChoicesValue(["a", "b"]), Is.EqualTo(new ChoicesValue(new List<string> { "a", "b" })));
            Assert.That(new ChoicesValue(["a", "b"]), Is.Not.EqualTo(new ChoicesValue(["b", "a"])));
            Assert.That(new Answer(new TextValue("x"), Evidence: [new EvidenceReference("t")]), Is.EqualTo(new Answer(new TextValue("x"), Evidence: [new EvidenceReference("t")])));
            Assert.That(new ChoicesValue(["a"]).GetHashCode(), Is.EqualTo(new ChoicesValue(["a"]).GetHashCode()));
        });
    }
}
