using static Diligence.Core.Tests.Evaluation.ConditionFixture;

namespace Diligence.Core.Tests.Evaluation;

/// <summary>Every operator on every item type it applies to, answered and unanswered.</summary>
public sealed class ConditionOperatorTests
{
    [TestCase("yn", "eq", "yes", "\"yes\"", true)]
    [TestCase("yn", "eq", "yes", "\"no\"", false)]
    [TestCase("yn", "ne", "yes", "\"no\"", true)]
    [TestCase("yn", "ne", "yes", "\"yes\"", false)]
    [TestCase("single", "eq", "a", "\"a\"", true)]
    [TestCase("single", "eq", "a", "\"b\"", false)]
    [TestCase("single", "eq", "other", "\"other\"", true)]
    [TestCase("single", "ne", "a", "\"b\"", true)]
    [TestCase("single", "ne", "a", "\"a\"", false)]
    [TestCase("text", "eq", "Hello", "\"Hello\"", true)]
    [TestCase("text", "eq", "Hello", "\"hello\"", false)]
    [TestCase("text", "ne", "Hello", "\"Bye\"", true)]
    [TestCase("text", "ne", "Hello", "\"Hello\"", false)]
    [TestCase("md", "eq", "\"*x*\"", "\"*x*\"", true)]
    [TestCase("md", "ne", "\"*x*\"", "\"*x*\"", false)]
    [TestCase("url", "eq", "https://a.example", "\"https://a.example\"", true)]
    [TestCase("url", "ne", "https://a.example", "\"https://b.example\"", true)]
    [TestCase("num", "eq", "5", "5", true)]
    [TestCase("num", "eq", "5", "5.0", true)]
    [TestCase("num", "eq", "5", "6", false)]
    [TestCase("num", "ne", "5", "6", true)]
    [TestCase("num", "ne", "5", "5", false)]
    [TestCase("day", "eq", "2026-01-01", "\"2026-01-01\"", true)]
    [TestCase("day", "eq", "2026-01-01", "\"2026-01-02\"", false)]
    [TestCase("day", "ne", "2026-01-01", "\"2026-01-02\"", true)]
    [TestCase("day", "eq", "P0D", "\"2026-11-01\"", true)]
    public void Eq_and_ne_compare_one_value(string item, string op, string value, string answer, bool expected) =>
        Assert.That(ProbeIsVisible($"{{ question: {item}, op: {op}, value: {value} }}", (item, $"{{\"value\": {answer}}}")), Is.EqualTo(expected));

    [TestCase("num", "lt", "10", "9", true)]
    [TestCase("num", "lt", "10", "10", false)]
    [TestCase("num", "gt", "10", "10.5", true)]
    [TestCase("num", "gt", "10", "10", false)]
    [TestCase("num", "lt", "-1.5", "-2", true)]
    [TestCase("day", "lt", "2026-01-01", "\"2025-12-31\"", true)]
    [TestCase("day", "lt", "2026-01-01", "\"2026-01-01\"", false)]
    [TestCase("day", "gt", "2026-01-01", "\"2026-01-02\"", true)]
    [TestCase("day", "gt", "2026-01-01", "\"2026-01-01\"", false)]
    public void Lt_and_gt_compare_numbers_and_dates(string item, string op, string value, string answer, bool expected) =>
        Assert.That(ProbeIsVisible($"{{ question: {item}, op: {op}, value: {value} }}", (item, $"{{\"value\": {answer}}}")), Is.EqualTo(expected));

    [TestCase("lt", "-P12M", "2025-10-31", true)]
    [TestCase("lt", "-P12M", "2025-11-01", false)]
    [TestCase("gt", "-P1Y", "2025-11-02", true)]
    [TestCase("lt", "-P2W", "2026-10-17", true)]
    [TestCase("lt", "-P2W", "2026-10-18", false)]
    [TestCase("gt", "P10D", "2026-11-12", true)]
    [TestCase("gt", "P10D", "2026-11-11", false)]
    [TestCase("lt", "-P1Y2M3W4D", "2025-08-06", true)]
    [TestCase("lt", "-P1Y2M3W4D", "2025-08-07", false)]
    [TestCase("eq", "P0D", "2026-11-01", true)]
    public void Date_values_may_be_durations_relative_to_today(string op, string duration, string answer, bool expected) =>
        Assert.That(ProbeIsVisible($"{{ question: day, op: {op}, value: \"{duration}\" }}", ("day", $"{{\"value\": \"{answer}\"}}")), Is.EqualTo(expected));

    [TestCase("yn", "anyOf", "[yes, na]", "\"na\"", true)]
    [TestCase("yn", "anyOf", "[yes, na]", "\"no\"", false)]
    [TestCase("yn", "noneOf", "[yes, na]", "\"no\"", true)]
    [TestCase("yn", "noneOf", "[yes, na]", "\"yes\"", false)]
    [TestCase("single", "anyOf", "[a]", "\"a\"", true)]
    [TestCase("single", "anyOf", "[a]", "\"b\"", false)]
    [TestCase("single", "noneOf", "[a]", "\"b\"", true)]
    [TestCase("single", "noneOf", "[a]", "\"a\"", false)]
    [TestCase("multi", "anyOf", "[a, b]", "[\"b\", \"c\"]", true)]
    [TestCase("multi", "anyOf", "[a, b]", "[\"c\"]", false)]
    [TestCase("multi", "allOf", "[a, b]", "[\"a\", \"c\", \"b\"]", true)]
    [TestCase("multi", "allOf", "[a, b]", "[\"a\", \"c\"]", false)]
    [TestCase("multi", "noneOf", "[a, b]", "[\"c\"]", true)]
    [TestCase("multi", "noneOf", "[a, b]", "[\"c\", \"a\"]", false)]
    public void AnyOf_allOf_and_noneOf_compare_option_lists(string item, string op, string value, string answer, bool expected) =>
        Assert.That(ProbeIsVisible($"{{ question: {item}, op: {op}, value: {value} }}", (item, $"{{\"value\": {answer}}}")), Is.EqualTo(expected));

    [TestCase("text", "ell", "\"Hello\"", true)]
    [TestCase("text", "ELL", "\"Hello\"", true)]
    [TestCase("text", "bye", "\"Hello\"", false)]
    [TestCase("md", "bold", "\"**Bold** text\"", true)]
    [TestCase("url", "example.com", "\"https://EXAMPLE.com/x\"", true)]
    [TestCase("multi", "b", "[\"a\", \"b\"]", true)]
    [TestCase("multi", "c", "[\"a\", \"b\"]", false)]
    public void Contains_finds_text_case_insensitively_or_one_option(string item, string value, string answer, bool expected) =>
        Assert.That(ProbeIsVisible($"{{ question: {item}, op: contains, value: \"{value}\" }}", (item, $"{{\"value\": {answer}}}")), Is.EqualTo(expected));

    [TestCase("yn", "\"yes\"")]
    [TestCase("single", "\"a\"")]
    [TestCase("multi", "[\"a\"]")]
    [TestCase("text", "\"x\"")]
    [TestCase("md", "\"x\"")]
    [TestCase("url", "\"https://a.example\"")]
    [TestCase("num", "0")]
    [TestCase("day", "\"2026-01-01\"")]
    [TestCase("table", "{\"r\": {\"c\": \"x\"}}")]
    [TestCase("ev", "{\"title\": \"Report\"}")]
    [TestCase("list", "[{\"sub-num\": 1}]")]
    public void Empty_and_notEmpty_apply_to_every_answerable_type(string item, string answer)
    {
        Assert.Multiple(() =>
        {
            Assert.That(ProbeIsVisible($"{{ question: {item}, op: empty }}"), Is.True, "unanswered is empty");
            Assert.That(ProbeIsVisible($"{{ question: {item}, op: notEmpty }}"), Is.False, "unanswered is not notEmpty");
            Assert.That(ProbeIsVisible($"{{ question: {item}, op: empty }}", (item, $"{{\"value\": {answer}}}")), Is.False, "answered is not empty");
            Assert.That(ProbeIsVisible($"{{ question: {item}, op: notEmpty }}", (item, $"{{\"value\": {answer}}}")), Is.True, "answered is notEmpty");
        });
    }

    [TestCase("text", "\"   \"")]
    [TestCase("multi", "[]")]
    [TestCase("table", "{}")]
    [TestCase("table", "{\"r\": {\"c\": \"\"}}")]
    [TestCase("list", "[]")]
    public void Blank_text_and_empty_lists_read_as_unanswered(string item, string answer) =>
        Assert.That(ProbeIsVisible($"{{ question: {item}, op: empty }}", (item, $"{{\"value\": {answer}}}")), Is.True);

    [TestCase("{ question: yn, op: eq, value: yes }")]
    [TestCase("{ question: yn, op: ne, value: yes }")]
    [TestCase("{ question: single, op: anyOf, value: [a, b] }")]
    [TestCase("{ question: single, op: noneOf, value: [a] }")]
    [TestCase("{ question: multi, op: noneOf, value: [a] }")]
    [TestCase("{ question: multi, op: allOf, value: [a] }")]
    [TestCase("{ question: text, op: contains, value: x }")]
    [TestCase("{ question: text, op: ne, value: x }")]
    [TestCase("{ question: num, op: lt, value: 1000 }")]
    [TestCase("{ question: num, op: gt, value: -1000 }")]
    [TestCase("{ question: day, op: lt, value: P100Y }")]
    public void An_unanswered_item_satisfies_only_empty(string condition) =>
        Assert.That(ProbeIsVisible(condition), Is.False);

    [Test]
    public void Not_of_eq_holds_for_not_equal_or_unanswered()
    {
        const string Condition = "{ not: { question: yn, op: eq, value: yes } }";
        Assert.Multiple(() =>
        {
            Assert.That(ProbeIsVisible(Condition), Is.True);
            Assert.That(ProbeIsVisible(Condition, ("yn", "{\"value\": \"no\"}")), Is.True);
            Assert.That(ProbeIsVisible(Condition, ("yn", "{\"value\": \"yes\"}")), Is.False);
        });
    }

    [Test]
    public void Not_of_a_list_holds_when_none_of_them_holds()
    {
        const string Condition = "{ not: [ { question: yn, op: eq, value: yes }, { question: num, op: gt, value: 5 } ] }";
        Assert.Multiple(() =>
        {
            Assert.That(ProbeIsVisible(Condition, ("yn", "{\"value\": \"no\"}"), ("num", "{\"value\": 1}")), Is.True);
            Assert.That(ProbeIsVisible(Condition, ("yn", "{\"value\": \"no\"}"), ("num", "{\"value\": 9}")), Is.False);
            Assert.That(ProbeIsVisible(Condition, ("yn", "{\"value\": \"yes\"}"), ("num", "{\"value\": 1}")), Is.False);
        });
    }

    [Test]
    public void All_and_any_combine_their_conditions()
    {
        const string All = "{ all: [ { question: yn, op: eq, value: yes }, { question: num, op: gt, value: 5 } ] }";
        const string Any = "{ any: [ { question: yn, op: eq, value: yes }, { question: num, op: gt, value: 5 } ] }";
        Assert.Multiple(() =>
        {
            Assert.That(ProbeIsVisible(All, ("yn", "{\"value\": \"yes\"}"), ("num", "{\"value\": 9}")), Is.True);
            Assert.That(ProbeIsVisible(All, ("yn", "{\"value\": \"yes\"}"), ("num", "{\"value\": 1}")), Is.False);
            Assert.That(ProbeIsVisible(Any, ("yn", "{\"value\": \"no\"}"), ("num", "{\"value\": 9}")), Is.True);
            Assert.That(ProbeIsVisible(Any, ("yn", "{\"value\": \"no\"}"), ("num", "{\"value\": 1}")), Is.False);
        });
    }

    [Test]
    public void A_repeat_sub_item_condition_holds_when_any_entry_satisfies_it()
    {
        const string Condition = "{ question: list.sub-yn, op: eq, value: yes }";
        Assert.Multiple(() =>
        {
            Assert.That(ProbeIsVisible(Condition, ("list", "{\"value\": [{\"sub-yn\": \"no\"}, {\"sub-yn\": \"yes\"}]}")), Is.True);
            Assert.That(ProbeIsVisible(Condition, ("list", "{\"value\": [{\"sub-yn\": \"no\"}, {\"sub-num\": 3}]}")), Is.False);
            Assert.That(ProbeIsVisible(Condition), Is.False);
        });
    }

    [Test]
    public void A_repeat_sub_item_reads_as_unanswered_in_entries_without_it()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ProbeIsVisible("{ question: list.sub-num, op: empty }"), Is.True, "no entries");
            Assert.That(ProbeIsVisible("{ question: list.sub-num, op: empty }", ("list", "{\"value\": [{\"sub-num\": 1}, {\"sub-yn\": \"no\"}]}")), Is.True, "one entry without it");
            Assert.That(ProbeIsVisible("{ question: list.sub-num, op: empty }", ("list", "{\"value\": [{\"sub-num\": 1}]}")), Is.False, "every entry has it");
            Assert.That(ProbeIsVisible("{ question: list.sub-num, op: gt, value: 2 }", ("list", "{\"value\": [{\"sub-num\": 1}, {\"sub-num\": 3}]}")), Is.True, "second entry");
        });
    }
}
