using Diligence.Core.Answers;
using Diligence.Core.Definitions;

namespace Diligence.Core.Tests.Answers;

public sealed class AnswerValidatorTests
{
    private static readonly DateOnly _today = new(2026, 11, 1);
    private static readonly Lazy<Questionnaire> _everyType = new(() => QuestionnaireLoader.LoadFile(TestFiles.Valid("every-type.yaml")).Value!);

    private static IReadOnlyList<string> Validate(string itemId, AnswerValue value, string? other = null, IReadOnlyList<EvidenceReference>? evidence = null) =>
        AnswerValidator.Validate(_everyType.Value.FindItem(itemId)!, new Answer(value, Other: other, Evidence: evidence), _today);

    private static Dictionary<string, IReadOnlyDictionary<string, AnswerValue>> Cells(string row, string column, AnswerValue cell) =>
        new() { [row] = new Dictionary<string, AnswerValue> { [column] = cell } };

    [Test]
    public void Valid_answers_have_no_problems()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Validate("user-count", new NumberValue(100000)), Is.Empty);
            Assert.That(Validate("data-classes", new ChoicesValue(["phi", "other"]), other: "Telemetry"), Is.Empty);
            Assert.That(Validate("contact", new TextValue("a@b")), Is.Empty);
            Assert.That(Validate("trust-page", new TextValue("http://example.com")), Is.Empty);
            Assert.That(Validate("soc2-period-end", new DateValue(_today)), Is.Empty);
            Assert.That(Validate("contact", new TextValue("")), Is.Empty, "blank is unanswered, not invalid");
        });
    }

    [TestCase(100001, "Enter a number no greater than 100000.")]
    [TestCase(-1, "Enter a number no less than 0.")]
    [TestCase(2.5, "Enter a whole number.")]
    public void Numbers_are_checked_against_bounds_and_wholeness(double number, string message) =>
        Assert.That(Validate("user-count", new NumberValue((decimal)number)), Is.EqualTo(new[] { message }));

    [Test]
    public void Choices_are_checked_for_unknown_duplicate_exclusive_and_count()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Validate("criticality", new ChoiceValue("medium")), Is.EqualTo(new[] { "'medium' is not one of the options." }));
            Assert.That(Validate("criticality", new ChoiceValue("other")), Is.EqualTo(new[] { "'other' is not one of the options." }));
            Assert.That(Validate("inbound-required", new ChoiceValue("maybe")), Is.EqualTo(new[] { "Answer yes, no or n/a." }));
            Assert.That(Validate("data-classes", new ChoicesValue(["none", "phi"])), Is.EqualTo(new[] { "'None of these' cannot be combined with other choices." }));
            Assert.That(Validate("data-classes", new ChoicesValue(["phi", "phi"])), Is.EqualTo(new[] { "'phi' is chosen more than once." }));
            Assert.That(Validate("data-classes", new ChoicesValue(["phi", "pii", "pci", "none", "other"]), other: "x"), Does.Contain("Choose no more than 4 options."));
            Assert.That(Validate("data-classes", new ChoicesValue(["other"])), Is.EqualTo(new[] { "Describe the other answer." }));
        });
    }

    [Test]
    public void Multi_choice_minimum_names_the_count()
    {
        var item = new MultiChoiceItem { Id = "m", Key = "m", Prompt = "M", Options = [new Option { Id = "a", Label = "A" }, new Option { Id = "b", Label = "B" }], Min = 2 };

        Assert.That(AnswerValidator.Validate(item, new Answer(new ChoicesValue(["a"])), _today), Is.EqualTo(new[] { "Choose at least 2 options." }));
    }

    [Test]
    public void Text_is_checked_for_its_pattern()
    {
        Assert.That(Validate("contact", new TextValue("no at sign")), Is.EqualTo(new[] { "Enter text in the expected format." }));
    }

    [TestCase("ftp://example.com")]
    [TestCase("example.com")]
    [TestCase("/relative")]
    [TestCase("javascript:alert(1)")]
    public void Urls_must_be_absolute_http_or_https(string url) =>
        Assert.That(Validate("trust-page", new TextValue(url)), Is.EqualTo(new[] { "Enter an absolute http or https URL." }));

    [Test]
    public void Dates_are_checked_against_bounds_relative_to_today()
    {
        Assert.That(Validate("soc2-period-end", new DateValue(_today.AddDays(1))), Is.EqualTo(new[] { "Enter a date no later than 2026-11-01." }));
        Assert.That(
            Validate("certs", new RepeatValue([new Dictionary<string, AnswerValue> { ["cert-framework"] = new ChoiceValue("soc2"), ["cert-expiry"] = new DateValue(new DateOnly(2016, 10, 31)) }])),
            Is.EqualTo(new[] { "Entry 1, Expiry: Enter a date no earlier than 2016-11-01." }));
    }

    [Test]
    public void Matrix_rows_columns_and_cells_are_checked()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Validate("boundary", new MatrixValue(Cells("nowhere", "hosted", new TextValue("x")))), Is.EqualTo(new[] { "'nowhere' is not a row of this table." }));
            Assert.That(Validate("boundary", new MatrixValue(Cells("logs", "mainframe", new TextValue("x")))), Is.EqualTo(new[] { "'mainframe' is not a column of this table." }));
            Assert.That(Validate("encryption", new MatrixValue(Cells("at-rest", "vendor", new ChoiceValue("rot13")))), Is.EqualTo(new[] { "Row 'at-rest', column 'vendor': 'rot13' is not one of the options." }));
            Assert.That(Validate("encryption", new MatrixValue(Cells("at-rest", "vendor", new TextValue("tls12")))), Is.EqualTo(new[] { "Row 'at-rest', column 'vendor': This cell takes one option." }));
        });
    }

    [Test]
    public void Repeat_entries_have_their_sub_items_checked()
    {
        var missing = new RepeatValue([new Dictionary<string, AnswerValue> { ["cert-expiry"] = new DateValue(_today), ["colour"] = new TextValue("red") }]);

        Assert.That(Validate("certs", missing), Is.EqualTo(new[] { "Entry 1: 'colour' is not a question of this list.", "Entry 1: answer 'Framework'." }));
    }

    [Test]
    public void Evidence_needs_a_title_a_web_url_and_ordered_dates()
    {
        var evidence = new EvidenceReference(" ", "file:///c:/report.pdf", Effective: new DateOnly(2026, 2, 1), Expires: new DateOnly(2026, 1, 1));

        Assert.That(Validate("soc2-report", new EvidenceValue(evidence)), Is.EqualTo(new[]
        {
            "Give the evidence a title.", "Enter an absolute http or https URL for the evidence.", "The evidence expires before it takes effect.",
        }));
        Assert.That(Validate("criticality", new ChoiceValue("low"), evidence: [evidence with { Title = "t", Url = null }]), Is.EqualTo(new[] { "Evidence 1: The evidence expires before it takes effect." }));
    }

    [Test]
    public void A_value_of_the_wrong_type_is_named()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Validate("user-count", new TextValue("12")), Is.EqualTo(new[] { "This question takes a number." }));
            Assert.That(Validate("inbound-required", new ChoicesValue(["yes"])), Is.EqualTo(new[] { "This question takes a yes, no or n/a answer." }));
            Assert.That(Validate("certs", new TextValue("SOC 2")), Is.EqualTo(new[] { "This question takes a list of entries." }));
            Assert.That(Validate("intro-text", new TextValue("x")), Is.EqualTo(new[] { "This item takes no answer." }));
        });
    }
}
