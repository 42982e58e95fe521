using Diligence.Core.Answers;
using Diligence.Core.Definitions;

namespace Diligence.Core.Tests.Answers;

/// <summary>The most an answer holds, whatever its questionnaire says: checked on every answer, shown or hidden.</summary>
public sealed class AnswerLimitsTests
{
    private static readonly Lazy<Questionnaire> _everyType = new(() => QuestionnaireLoader.LoadFile(TestFiles.Valid("every-type.yaml")).Value!);

    private static IReadOnlyList<string> Check(string itemId, Answer answer) =>
        AnswerLimits.Check((AnswerableItem)_everyType.Value.FindItem(itemId)!, answer);

    private static readonly TextItem _plainText = new() { Id = "t", Key = "t", Prompt = "T" };

    private static Dictionary<string, IReadOnlyDictionary<string, AnswerValue>> Cells(params (string Row, string Column, string Text)[] cells) =>
        cells.GroupBy(c => c.Row).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, AnswerValue>)g.ToDictionary(c => c.Column, c => (AnswerValue)new TextValue(c.Text)));

    [Test]
    public void Text_without_a_max_length_holds_4000_characters()
    {
        Assert.That(AnswerLimits.Check(_plainText, new Answer(new TextValue(new string('x', 4_000)))), Is.Empty);
        Assert.That(AnswerLimits.Check(_plainText, new Answer(new TextValue(new string('x', 4_001)))), Is.EqualTo(new[] { "Enter no more than 4,000 characters." }));
    }

    [Test]
    public void Markdown_without_a_max_length_holds_20000_characters()
    {
        var markdown = new MarkdownItem { Id = "m", Key = "m", Prompt = "M" };

        Assert.That(AnswerLimits.Check(markdown, new Answer(new TextValue(new string('x', 20_000)))), Is.Empty);
        Assert.That(AnswerLimits.Check(markdown, new Answer(new TextValue(new string('x', 20_001)))), Is.EqualTo(new[] { "Enter no more than 20,000 characters." }));
    }

    [Test]
    public void A_questionnaire_max_length_lowers_the_limit()
    {
        Assert.That(Check("contact", new Answer(new TextValue(new string('a', 199) + "@b"))), Is.EqualTo(new[] { "Enter no more than 200 characters." }));
        Assert.That(Check("summary", new Answer(new TextValue(new string('x', 2001)))), Is.EqualTo(new[] { "Enter no more than 2,000 characters." }));
    }

    [Test]
    public void A_url_holds_4000_characters()
    {
        Assert.That(Check("trust-page", new Answer(new TextValue("https://example.com/" + new string('x', 3_981)))), Is.EqualTo(new[] { "Enter no more than 4,000 characters." }));
    }

    [Test]
    public void Other_justification_explanation_and_note_each_hold_4000_characters()
    {
        var longText = new string('x', 4_001);

        var problems = Check("criticality", new Answer(new ChoiceValue("high"), Other: longText, Justification: longText, Explanation: longText, Note: longText));

        Assert.That(problems, Is.EqualTo(new[]
        {
            "The other answer is longer than 4,000 characters; shorten it.",
            "The justification is longer than 4,000 characters; shorten it.",
            "The explanation is longer than 4,000 characters; shorten it.",
            "The note is longer than 4,000 characters; shorten it.",
        }));
    }

    [Test]
    public void Evidence_fields_hold_4000_characters_and_an_answer_holds_50_pieces()
    {
        var longTitle = new EvidenceReference(new string('x', 4_001));
        var many = Enumerable.Range(0, 51).Select(i => new EvidenceReference($"Report {i}")).ToList();

        Assert.That(Check("soc2-report", new Answer(new EvidenceValue(longTitle))), Is.EqualTo(new[] { "The title is longer than 4,000 characters; shorten it." }));
        Assert.That(Check("contact", new Answer(new TextValue("a@b"), Evidence: [longTitle])), Is.EqualTo(new[] { "Evidence 1: the title is longer than 4,000 characters; shorten it." }));
        Assert.That(Check("contact", new Answer(new TextValue("a@b"), Evidence: many)), Is.EqualTo(new[] { "Add no more than 50 pieces of evidence." }));
    }

    [Test]
    public void A_matrix_cell_holds_4000_characters()
    {
        var problems = Check("boundary", new Answer(new MatrixValue(Cells(("logs", "hosted", new string('x', 4_001))))));

        Assert.That(problems, Is.EqualTo(new[] { "Row 'logs', column 'hosted': Enter no more than 4,000 characters." }));
    }

    [Test]
    public void A_repeat_holds_its_own_max_and_never_more_than_200_entries()
    {
        IReadOnlyDictionary<string, AnswerValue> Entry() => new Dictionary<string, AnswerValue> { ["cert-framework"] = new ChoiceValue("soc2") };
        var unbounded = new RepeatItem { Id = "r", Key = "r", Prompt = "R", Items = [_plainText] };

        Assert.That(Check("certs", new Answer(new RepeatValue([.. Enumerable.Range(0, 11).Select(_ => Entry())]))), Is.EqualTo(new[] { "Add no more than 10 entries." }));
        Assert.That(AnswerLimits.Check(unbounded, new Answer(new RepeatValue([.. Enumerable.Range(0, 201).Select(_ => Entry())]))),
            Is.EqualTo(new[] { "Add no more than 200 entries." }));
        Assert.That(AnswerLimits.Check(unbounded, new Answer(new RepeatValue([new Dictionary<string, AnswerValue> { ["t"] = new TextValue(new string('x', 4_001)) }]))),
            Is.EqualTo(new[] { "Entry 1, T: Enter no more than 4,000 characters." }));
    }

    [Test]
    public void A_whole_answer_holds_64_KB_as_stored_even_when_each_field_is_within_its_limit()
    {
        var rows = Enumerable.Range(0, 20).Select(r => ($"row{r}", "hosted", new string('x', 4_000))).ToArray();

        var problems = Check("boundary", new Answer(new MatrixValue(Cells(rows))));

        Assert.That(problems, Is.EqualTo(new[] { "The answer is larger than 64 KB as stored; shorten it." }));
        Assert.That(problems[0], Is.EqualTo(AnswerLimits.TooLarge));
    }

    [Test]
    public void A_hidden_answer_over_its_limit_is_refused_by_the_loader_at_its_value()
    {
        var yaml = $"""
            questionnaire: {"{"} id: every-type, version: 1.2.0-beta.1 {"}"}
            answers:
              network.agent-egress: {"{"} value: {new string('x', 4_001)} {"}"}
            """;

        var result = AnswersLoader.Load(yaml, "a.yaml", _everyType.Value, new DateOnly(2026, 11, 1));

        Assert.That(result.Value, Is.Null);
        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.EqualTo(new[]
        {
            "a.yaml:3:34: error: answer 'network.agent-egress': Enter no more than 4,000 characters.",
        }));
    }

    [Test]
    public void A_definition_may_not_raise_a_limit()
    {
        const string yaml = """
            id: limits
            version: 1.0.0
            title: Limits
            status: draft
            steps:
              - id: only
                title: Only
                items:
                  - { id: t, key: only.t, type: text, prompt: T, maxLength: 4001 }
                  - { id: m, key: only.m, type: markdown, prompt: M, maxLength: 20001 }
                  - { id: r, key: only.r, type: repeat, prompt: R, max: 201, items: [ { id: s, key: only.r.s, type: text, prompt: S } ] }
            """;

        var result = QuestionnaireLoader.Load(yaml, "q.yaml");

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.EqualTo(new[]
        {
            "q.yaml:9:65: error: 'maxLength' must be no more than 4,000, the most any answer of this type holds",
            "q.yaml:10:69: error: 'maxLength' must be no more than 20,000, the most any answer of this type holds",
            "q.yaml:11:61: error: 'max' must be no more than 200, the most entries any list holds",
        }));
    }
}
