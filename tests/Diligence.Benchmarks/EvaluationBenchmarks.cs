using BenchmarkDotNet.Attributes;
using Diligence.Core.Answers;
using Diligence.Core.Definitions;
using Diligence.Core.Evaluation;
using Diligence.Tests.Shared;

namespace Diligence.Benchmarks;

/// <summary>Visibility, requiredness, progress and findings of a fully answered review. Goal: under 1 ms.</summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private static readonly DateOnly _today = new(2026, 11, 1);

    private Questionnaire _tenStep = null!;
    private QuestionnaireEvaluator _tenStepEvaluator = null!;
    private AnswerSheet _tenStepAnswers = null!;
    private QuestionnaireEvaluator _generatedEvaluator = null!;
    private AnswerSheet _generatedAnswers = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tenStep = QuestionnaireLoader.LoadFile(BenchmarkFiles.TenStepQuestionnaire).Value!;
        _tenStepEvaluator = new QuestionnaireEvaluator(_tenStep);
        _tenStepAnswers = FullAnswerSheet.For(_tenStep, _today);
        var generated = QuestionnaireLoader.Load(LargeQuestionnaireGenerator.QuestionnaireYaml(5000), "generated.yaml").Value!;
        _generatedEvaluator = new QuestionnaireEvaluator(generated);
        _generatedAnswers = AnswersLoader.Load(LargeQuestionnaireGenerator.AnswersYaml(5000), "generated.answers.yaml", generated, _today).Value!;
    }

    [Benchmark]
    public Evaluation EvaluateTenStepFullyAnswered() => _tenStepEvaluator.Evaluate(_tenStepAnswers, _today);

    [Benchmark]
    public Evaluation EvaluateGenerated5000FullyAnswered() => _generatedEvaluator.Evaluate(_generatedAnswers, _today);

    [Benchmark]
    public QuestionnaireEvaluator BuildTenStepEvaluator() => new(_tenStep);
}
