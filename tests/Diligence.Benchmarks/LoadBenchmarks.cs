using BenchmarkDotNet.Attributes;
using Diligence.Core.Definitions;
using Diligence.Tests.Shared;

namespace Diligence.Benchmarks;

/// <summary>Loading and validating questionnaires. Goals: the ten-step file under 5 ms, 5,000 items under 250 ms.</summary>
[MemoryDiagnoser]
public class LoadBenchmarks
{
    private string _tenStep = "";
    private string _generated = "";

    [GlobalSetup]
    public void Setup()
    {
        _tenStep = File.ReadAllText(BenchmarkFiles.TenStepQuestionnaire);
        _generated = LargeQuestionnaireGenerator.QuestionnaireYaml(5000);
    }

    [Benchmark]
    public Questionnaire LoadTenStepQuestionnaire() => Loaded(_tenStep);

    [Benchmark]
    public Questionnaire LoadGenerated5000Items() => Loaded(_generated);

    private static Questionnaire Loaded(string yaml) =>
        QuestionnaireLoader.Load(yaml, "benchmark.yaml").Value ?? throw new InvalidOperationException("the benchmark questionnaire does not load");
}
