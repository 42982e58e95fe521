using Diligence.Core.Answers;
using Diligence.Core.Definitions;
using Diligence.Core.Evaluation;
using Diligence.Tests.Shared;
using static Diligence.Tests.Shared.LargeQuestionnaireGenerator;

namespace Diligence.Core.Tests.Evaluation;

/// <summary>
/// The generated questionnaire loads cleanly and the evaluator agrees with an independent reading of the
/// generator's rules (see <see cref="LargeQuestionnaireGenerator"/>).
/// </summary>
public sealed class LargeQuestionnaireTests
{
    private const int ItemCount = 600;
    private static readonly DateOnly _today = new(2026, 11, 1);

    private static readonly Lazy<Questionnaire> _questionnaire = new(() =>
        QuestionnaireLoader.Load(QuestionnaireYaml(ItemCount), "large.yaml").Value!);

    [Test]
    public void Generated_questionnaire_loads_without_diagnostics()
    {
        var result = QuestionnaireLoader.Load(QuestionnaireYaml(ItemCount), "large.yaml");

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.Empty);
        Assert.That(result.Value!.AnswerableItems, Has.Count.EqualTo(ItemCount));
        Assert.That(result.Value.Steps, Has.Count.EqualTo(StepCount));
        Assert.That(result.Value.Findings, Has.Count.EqualTo(RuleCount(ItemCount)));
    }

    [Test]
    public void Generated_answers_load_against_it()
    {
        var result = AnswersLoader.Load(AnswersYaml(ItemCount), "large.answers.yaml", _questionnaire.Value, _today);

        Assert.That(result.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()), Is.Empty);
        Assert.That(result.Value!.Count, Is.EqualTo(ItemCount));
    }

    [Test]
    public void Generation_is_deterministic()
    {
        Assert.That(QuestionnaireYaml(ItemCount), Is.EqualTo(QuestionnaireYaml(ItemCount)));
        Assert.That(
            QuestionnaireLoader.Load(QuestionnaireYaml(ItemCount), "a.yaml").Value!.ContentHash,
            Is.EqualTo(_questionnaire.Value.ContentHash));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Evaluation_matches_the_generator_rules(bool fullyAnswered)
    {
        Func<int, bool> answered = fullyAnswered ? _ => true : i => i % 4 != 2;
        var sheet = AnswersLoader.Load(AnswersYaml(ItemCount, answered), "large.answers.yaml", _questionnaire.Value, _today).Value!;
        var expected = new ExpectedEvaluation(answered);

        var evaluation = new QuestionnaireEvaluator(_questionnaire.Value).Evaluate(sheet, _today);

        Assert.Multiple(() =>
        {
            for (var i = 0; i < ItemCount; i++)
            {
                Assert.That(evaluation.IsVisible($"q{i}"), Is.EqualTo(expected.IsVisible(i)), $"visibility of q{i}");
                Assert.That(evaluation.IsRequired($"q{i}"), Is.EqualTo(expected.IsRequired(i)), $"requiredness of q{i}");
            }
            for (var group = 0; group < ItemCount / GroupSize; group++)
            {
                Assert.That(evaluation.IsVisible($"g{group}"), Is.EqualTo(expected.IsGroupVisible(group)), $"visibility of g{group}");
                Assert.That(evaluation.IsVisible($"g{group}-inner"), Is.EqualTo(expected.IsInnerGroupVisible(group)), $"visibility of g{group}-inner");
            }
            Assert.That(evaluation.Overall, Is.EqualTo(expected.Overall));
            Assert.That(evaluation.MissingRequired, Is.EqualTo(expected.MissingRequired));
            Assert.That(evaluation.Findings.Select(f => f.SourceId), Is.EqualTo(expected.FindingIds));
        });
    }

    [Test]
    public void Fully_answered_review_is_complete_and_raises_findings()
    {
        var sheet = AnswersLoader.Load(AnswersYaml(ItemCount), "large.answers.yaml", _questionnaire.Value, _today).Value!;

        var evaluation = new QuestionnaireEvaluator(_questionnaire.Value).Evaluate(sheet, _today);

        Assert.That(evaluation.Overall.Percent, Is.EqualTo(100));
        Assert.That(evaluation.MissingRequired, Is.Empty);
        Assert.That(evaluation.Findings.Count(f => f.SourceId.StartsWith("rule:", StringComparison.Ordinal)), Is.GreaterThan(0));
        Assert.That(evaluation.Findings.Count(f => f.SourceId.StartsWith("flag:", StringComparison.Ordinal)), Is.GreaterThan(0));
    }

    /// <summary>The generator's rules, read directly rather than through the evaluator.</summary>
    private sealed class ExpectedEvaluation(Func<int, bool> answered)
    {
        public Progress Overall
        {
            get
            {
                var required = Enumerable.Range(0, ItemCount).Where(IsRequired).ToList();
                return new Progress(required.Count(answered), required.Count);
            }
        }

        public IReadOnlyList<string> MissingRequired =>
            [.. Enumerable.Range(0, ItemCount).Where(i => IsRequired(i) && !answered(i)).Select(i => Key(ItemCount, i))];

        public IReadOnlyList<string> FindingIds
        {
            get
            {
                var flags = Enumerable.Range(0, ItemCount)
                    .Where(Reads)
                    .SelectMany(i => (i % 5) switch
                    {
                        0 when YesNoNa(i) == "no" => [$"flag:{Key(ItemCount, i)}:no"],
                        1 when Choice(i) == "c" => [$"flag:{Key(ItemCount, i)}:c"],
                        _ => Array.Empty<string>(),
                    });
                var rules = Enumerable.Range(0, RuleCount(ItemCount))
                    .Where(r => Reads(GroupSize * r) && YesNoNa(GroupSize * r) == "no" && Reads((GroupSize * r) + 3) && Number((GroupSize * r) + 3) > 30)
                    .Select(r => $"rule:r{r}");
                return [.. flags.Concat(rules)];
            }
        }

        public bool IsGroupVisible(int group) =>
            group % 5 != 4 || (Reads((group * GroupSize) - 17) && Number((group * GroupSize) - 17) > 50);

        public bool IsInnerGroupVisible(int group) =>
            IsGroupVisible(group) && (group % 3 != 1 || !(Reads(group * GroupSize) && YesNoNa(group * GroupSize) == "no"));

        public bool IsVisible(int i)
        {
            var group = i / GroupSize;
            var container = i % GroupSize < GroupSize / 2 ? IsGroupVisible(group) : IsInnerGroupVisible(group);
            return container && (i % 10 != 9 || (Reads(i - 9) && YesNoNa(i - 9) == "yes"));
        }

        public bool IsRequired(int i) =>
            IsVisible(i) && (i % 10 is 0 or 1 or 3 || (i % 10 == 7 && Reads(i - 6) && Choice(i - 6) == "b"));

        /// <summary>How a condition reads an item: answered and visible.</summary>
        private bool Reads(int i) => answered(i) && IsVisible(i);
    }
}
