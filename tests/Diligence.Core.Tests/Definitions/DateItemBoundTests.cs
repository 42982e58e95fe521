using Diligence.Core.Answers;
using Diligence.Core.Definitions;

namespace Diligence.Core.Tests.Definitions;

/// <summary>A date item bounded by another date item's answer: <c>min: { item: pilot-start }</c>.</summary>
public sealed class DateItemBoundTests
{
    private const string Pilot = """
        id: pilot
        version: 1.0.0
        title: Pilot
        status: draft
        steps:
          - id: pilot
            title: Pilot
            items:
              - { id: pilot-scope, key: pilot.scope, type: text, prompt: Scope }
              - { id: pilot-start, key: pilot.start, type: date, prompt: Pilot start }
              - { id: pilot-end, key: pilot.end, type: date, prompt: Pilot end, min: { item: pilot-start } }
              - { id: report-due, key: pilot.report-due, type: date, prompt: Report due, max: { item: pilot-end } }
              - { id: skip-dates, key: pilot.skip-dates, type: yes-no-na, prompt: Skip dates? }
              - id: dated
                type: group
                title: Dates
                visibleWhen: { question: skip-dates, op: ne, value: yes }
                items:
                  - { id: review-on, key: pilot.review-on, type: date, prompt: Review, min: { item: pilot-start } }
        """;

    private static IEnumerable<string> Errors(string yaml) =>
        QuestionnaireLoader.Load(yaml, "q.yaml").Diagnostics.Select(d => d.ToString());

    private static Questionnaire Loaded() => QuestionnaireLoader.Load(Pilot, "q.yaml").Value!;

    private static IEnumerable<string> AnswerErrors(string answers) =>
        AnswersLoader.Load($"questionnaire: {{ id: pilot, version: 1.0.0 }}\nanswers:\n{answers}", "a.yaml", Loaded(), new DateOnly(2026, 11, 1))
            .Diagnostics.Select(d => d.ToString());

    [Test]
    public void A_date_item_may_be_bounded_by_another_date_items_answer()
    {
        var end = (DateItem)Loaded().FindItem("pilot-end")!;
        var due = (DateItem)Loaded().FindItem("report-due")!;

        Assert.That((end.MinItem, end.MaxItem, end.Min), Is.EqualTo(("pilot-start", (string?)null, (DateBound?)null)));
        Assert.That((due.MinItem, due.MaxItem), Is.EqualTo(((string?)null, "pilot-end")));
    }

    [Test]
    public void A_bound_naming_an_unknown_item_is_reported_at_the_name()
    {
        Assert.That(Errors(Pilot.Replace("min: { item: pilot-start } }\n      - { id: report-due", "min: { item: pilot-begin } }\n      - { id: report-due", StringComparison.Ordinal)),
            Is.EqualTo(new[] { "q.yaml:11:86: error: 'min' refers to unknown item 'pilot-begin'" }));
    }

    [Test]
    public void A_bound_naming_an_item_that_is_not_a_date_is_reported()
    {
        Assert.That(Errors(Pilot.Replace("max: { item: pilot-end }", "max: { item: pilot-scope }", StringComparison.Ordinal)),
            Is.EqualTo(new[] { "q.yaml:12:95: error: 'max' must name a date item; 'pilot-scope' is a text item" }));
    }

    [Test]
    public void A_bound_naming_itself_or_without_an_item_is_reported()
    {
        var yaml = Pilot
            .Replace("max: { item: pilot-end }", "max: { item: report-due }", StringComparison.Ordinal)
            .Replace("prompt: Review, min: { item: pilot-start }", "prompt: Review, min: { when: pilot-start }", StringComparison.Ordinal);

        Assert.That(Errors(yaml), Is.EqualTo(new[]
        {
            "q.yaml:12:95: error: 'max' of date item 'report-due' refers to itself",
            "q.yaml:19:85: error: missing required field 'item'",
            "q.yaml:19:87: error: unknown field 'when'; expected one of: item",
        }));
    }

    [Test]
    public void A_repeat_sub_item_neither_takes_nor_gives_such_a_bound()
    {
        var yaml = Pilot.Replace("""
                  - { id: review-on, key: pilot.review-on, type: date, prompt: Review, min: { item: pilot-start } }
            """, """
                  - { id: review-on, key: pilot.review-on, type: date, prompt: Review, min: { item: renewal-on } }
                  - id: renewals
                    key: pilot.renewals
                    type: repeat
                    prompt: Renewals
                    items:
                      - { id: renewal-on, key: pilot.renewals.on, type: date, prompt: Renewal, min: { item: pilot-start } }
            """, StringComparison.Ordinal);

        Assert.That(Errors(yaml), Is.EqualTo(new[]
        {
            "q.yaml:19:93: error: 'min' refers to 'renewal-on', a sub-item of repeat 'renewals', which has one answer per entry",
            "q.yaml:25:97: error: 'min: { item: … }' is not allowed on a repeat sub-item",
        }));
    }

    [Test]
    public void An_end_before_the_start_is_an_error_beside_the_end()
    {
        Assert.That(AnswerErrors("  pilot.start: { value: 2026-03-01 }\n  pilot.end: { value: 2026-02-28 }\n"), Is.EqualTo(new[]
        {
            "a.yaml:4:23: error: answer 'pilot.end': Enter a date no earlier than 'Pilot start' (2026-03-01).",
        }));
    }

    [Test]
    public void A_date_after_its_maximum_item_is_an_error()
    {
        Assert.That(AnswerErrors("  pilot.end: { value: 2026-04-30 }\n  pilot.report-due: { value: 2026-05-01 }\n"), Is.EqualTo(new[]
        {
            "a.yaml:4:30: error: answer 'pilot.report-due': Enter a date no later than 'Pilot end' (2026-04-30).",
        }));
    }

    [Test]
    public void The_same_day_an_unanswered_bound_and_a_hidden_item_are_all_accepted()
    {
        Assert.Multiple(() =>
        {
            Assert.That(AnswerErrors("  pilot.start: { value: 2026-03-01 }\n  pilot.end: { value: 2026-03-01 }\n"), Is.Empty);
            Assert.That(AnswerErrors("  pilot.end: { value: 2026-02-28 }\n"), Is.Empty);
        });
    }

    [Test]
    public void A_bound_item_hidden_by_other_answers_bounds_nothing()
    {
        var questionnaire = Loaded();
        var sheet = new AnswerSheet("pilot", "1.0.0", new Dictionary<string, Answer>
        {
            ["pilot.start"] = new(new DateValue(new DateOnly(2026, 3, 1))),
            ["pilot.review-on"] = new(new DateValue(new DateOnly(2026, 2, 1))),
        });
        var review = questionnaire.FindItem("review-on")!;
        var answer = sheet["pilot.review-on"]!;

        Assert.Multiple(() =>
        {
            Assert.That(AnswerValidator.Validate(review, answer, new DateOnly(2026, 11, 1), new AnsweredDates(questionnaire, sheet, _ => true)),
                Is.EqualTo(new[] { "Enter a date no earlier than 'Pilot start' (2026-03-01)." }));
            Assert.That(AnswerValidator.Validate(review, answer, new DateOnly(2026, 11, 1), new AnsweredDates(questionnaire, sheet, id => id != "pilot-start")),
                Is.Empty);
        });
    }
}
