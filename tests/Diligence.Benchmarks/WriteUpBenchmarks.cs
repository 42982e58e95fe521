using BenchmarkDotNet.Attributes;
using Diligence.Core.Answers;
using Diligence.Core.WriteUp;
using Diligence.Reports;

namespace Diligence.Benchmarks;

/// <summary>Composing the Astro review's write-up: the model alone, and model plus HTML (goal: under 50 ms).</summary>
[MemoryDiagnoser]
public class WriteUpBenchmarks
{
    private WriteUpBuilder _builder = null!;
    private AnswerSheet _astro = null!;
    private WriteUpRenderer _renderer = null!;
    private DateOnly _day;

    [GlobalSetup]
    public void Load()
    {
        var questionnaire = WriteUpReview.LoadQuestionnaire();
        _astro = WriteUpReview.LoadAstro(questionnaire);
        _day = _astro.AsOf ?? new DateOnly(2026, 11, 23);
        _builder = new WriteUpBuilder(questionnaire);
        _renderer = WriteUpRenderer.Load(Path.Combine(WriteUpReview.Root, "templates"));
    }

    [Benchmark]
    public WriteUp Model() => _builder.Build(_astro, _day);

    [Benchmark]
    public string ModelAndHtml() => _renderer.RenderHtml(_builder.Build(_astro, _day));
}
