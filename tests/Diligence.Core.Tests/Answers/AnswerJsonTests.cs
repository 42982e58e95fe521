using System.Text.Json;
using Diligence.Core.Answers;
using Diligence.Core.Definitions;

namespace Diligence.Core.Tests.Answers;

public sealed class AnswerJsonTests
{
    private static readonly Lazy<Questionnaire> _everyType = new(() => QuestionnaireLoader.LoadFile(TestFiles.Valid("every-type.yaml")).Value!);

    private static Item Item(string id) => _everyType.Value.FindItem(id)!;

    public static IEnumerable<TestCaseData> Answers()
    {
        yield return Case("yes-no-na", "inbound-required", new Answer(new ChoiceValue("no"), Justification: "Outbound only."));
        yield return Case("single-choice", "criticality", new Answer(new ChoiceValue("high"), Explanation: "Runbooks."));
        yield return Case("multi-choice with other", "data-classes", new Answer(new ChoicesValue(["phi", "other"]), Other: "Telemetry"));
        yield return Case("text", "contact", new Answer(new TextValue("security@example.com \"quoted\" ünïcödé")));
        yield return Case("markdown", "summary", new Answer(new TextValue("**bold**\n\n- list"), Note: "A *note*."));
        yield return Case("url", "trust-page", new Answer(new TextValue("https://example.com/trust?a=1&b=2")));
        yield return Case("number", "user-count", new Answer(new NumberValue(1234.500m)));
        yield return Case("negative number", "user-count", new Answer(new NumberValue(-0.000001m)));
        yield return Case("large number", "user-count", new Answer(new NumberValue(79228162514264337593543950335m)));
        yield return Case("date", "soc2-period-end", new Answer(new DateValue(new DateOnly(2026, 6, 30)), AsOf: new DateOnly(2026, 7, 1)));
        yield return Case("matrix of text", "boundary", new Answer(new MatrixValue(new Dictionary<string, IReadOnlyDictionary<string, AnswerValue>>
        {
            ["control-plane"] = new Dictionary<string, AnswerValue> { ["hosted"] = new TextValue("Vendor"), ["remote-execution"] = new TextValue("Vendor") },
            ["logs"] = new Dictionary<string, AnswerValue> { ["hosted"] = new TextValue("Customer") },
        })));
        yield return Case("matrix of choices", "encryption", new Answer(new MatrixValue(new Dictionary<string, IReadOnlyDictionary<string, AnswerValue>>
        {
            ["in-transit"] = new Dictionary<string, AnswerValue> { ["vendor"] = new ChoiceValue("tls12") },
        })));
        yield return Case("repeat", "certs", new Answer(new RepeatValue(
        [
            new Dictionary<string, AnswerValue>
            {
                ["cert-framework"] = new ChoiceValue("soc2"),
                ["cert-expiry"] = new DateValue(new DateOnly(2027, 3, 31)),
                ["cert-report"] = new EvidenceValue(new EvidenceReference("SOC 2", Availability: EvidenceAvailability.Nda)),
            },
            new Dictionary<string, AnswerValue>(),
        ])));
        yield return Case("evidence with everything", "soc2-report", new Answer(
            new EvidenceValue(new EvidenceReference("SOC 2 Type II", "https://example.com/soc2", "DOC-7", EvidenceAvailability.OnRequest, new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1))),
            Evidence: [new EvidenceReference("Bridge letter", Availability: EvidenceAvailability.NotAvailable), new EvidenceReference("Pen test", Reference: "PT-2026")]));
        yield return Case("evidence public", "soc2-report", new Answer(new EvidenceValue(new EvidenceReference("Trust page", Availability: EvidenceAvailability.Public))));
        yield return Case("every optional field", "criticality", new Answer(new ChoiceValue("low"), "o", "j", "e", "n", [new EvidenceReference("t")], new DateOnly(2020, 2, 29)));
    }

    [TestCaseSource(nameof(Answers))]
    public void Every_answer_survives_a_round_trip(string itemId, Answer answer)
    {
        var json = AnswerJson.Serialize(answer);

        var read = AnswerJson.Deserialize(json, Item(itemId));

        Assert.That(read, Is.EqualTo(answer));
        Assert.That(AnswerJson.Serialize(read), Is.EqualTo(json));
    }

    [Test]
    public void A_number_keeps_its_scale()
    {
        var read = AnswerJson.Deserialize(AnswerJson.Serialize(new Answer(new NumberValue(1.50m))), Item("user-count"));

        Assert.That(((NumberValue)read.Value).Number.ToString(System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo("1.50"));
    }

    [Test]
    public void The_stored_form_looks_like_the_answers_file()
    {
        var json = AnswerJson.Serialize(new Answer(new ChoicesValue(["hosted"]), Note: "n", AsOf: new DateOnly(2026, 1, 2)));

        Assert.That(json, Is.EqualTo("""{"value":["hosted"],"note":"n","asOf":"2026-01-02"}"""));
    }

    [TestCase("not json", "criticality")]
    [TestCase("[]", "criticality")]
    [TestCase("{\"note\": \"no value\"}", "criticality")]
    [TestCase("{\"value\": 3}", "criticality")]
    [TestCase("{\"value\": \"three\"}", "user-count")]
    [TestCase("{\"value\": \"2026-02-30\"}", "soc2-period-end")]
    [TestCase("{\"value\": [{\"nope\": 1}]}", "certs")]
    [TestCase("{\"value\": {\"title\": \"t\", \"availability\": \"secret\"}}", "soc2-report")]
    [TestCase("{\"value\": \"x\"}", "intro-text")]
    public void Json_that_does_not_answer_the_item_is_refused(string json, string itemId)
    {
        Assert.That(() => AnswerJson.Deserialize(json, Item(itemId)), Throws.InstanceOf<JsonException>());
        Assert.That(AnswerJson.TryDeserialize(json, Item(itemId), out var answer), Is.False);
        Assert.That(answer, Is.Null);
    }

    private static TestCaseData Case(string name, string itemId, Answer answer) =>
        new TestCaseData(itemId, answer).SetArgDisplayNames(name);
}
