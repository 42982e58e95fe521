using Diligence.Core.Answers;
using Diligence.Core.Definitions;
using Diligence.Core.Tests.Shipped;

namespace Diligence.Core.Tests.Answers;

public sealed class AnswersWriterTests
{
    private static readonly DateOnly EvaluationDay = new(2026, 11, 23);

    private static readonly Lazy<Questionnaire> _shipped = new(() => QuestionnaireLoader.LoadFile(ShippedFiles.Questionnaire).Value!);

    [TestCase("astronomer-astro.answers.yaml")]
    [TestCase("astral.answers.yaml")]
    [TestCase("astralog.answers.yaml")]
    public void A_sample_written_and_read_back_is_unchanged(string sample)
    {
        var original = AnswersLoader.LoadFile(ShippedFiles.Sample(sample), _shipped.Value, EvaluationDay).Value!;

        var yaml = AnswersWriter.Write(original, _shipped.Value);
        var reread = AnswersLoader.Load(yaml, "written.yaml", _shipped.Value, EvaluationDay);

        Assert.That(reread.Diagnostics.Where(d => d.Level == DiagnosticLevel.Error), Is.Empty, yaml);
        AssertSame(original, reread.Value!);
        Assert.That(AnswersWriter.Write(reread.Value!, _shipped.Value), Is.EqualTo(yaml), "writing is deterministic");
    }

    [Test]
    public void Every_type_with_awkward_text_round_trips()
    {
        var questionnaire = QuestionnaireLoader.LoadFile(TestFiles.Valid("every-type.yaml")).Value!;
        var original = AnswersLoader.LoadFile(TestFiles.Valid(Path.Combine("answers", "every-type.yaml")), questionnaire).Value!;
        var awkward = original.With("profile.summary", new Answer(
            new TextValue("yes"), Note: "line one\nline: two # not a comment\n  \"quoted\" 'single' \\ back\ttab", AsOf: new DateOnly(2026, 1, 2)));

        var reread = AnswersLoader.Load(AnswersWriter.Write(awkward, questionnaire), "written.yaml", questionnaire).Value!;

        AssertSame(awkward, reread);
    }

    private static void AssertSame(AnswerSheet expected, AnswerSheet actual)
    {
        Assert.Multiple(() =>
        {
            Assert.That((actual.VendorName, actual.Product, actual.AsOf), Is.EqualTo((expected.VendorName, expected.Product, expected.AsOf)));
            Assert.That(actual.ByKey.Keys, Is.EquivalentTo(expected.ByKey.Keys));
            foreach (var (key, answer) in expected.ByKey)
            {
                Assert.That(actual[key], Is.EqualTo(answer), key);
            }
        });
    }
}
