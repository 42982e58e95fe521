using BenchmarkDotNet.Attributes;
using Diligence.Core.Definitions;
using Diligence.Core.Evaluation;
using Diligence.Interchange;
using Diligence.Tests.Shared;

namespace Diligence.Benchmarks;

/// <summary>
/// Refusing the workbook attacks of issue 17 through the importer: a million-row zip bomb and a ten-million-character
/// cell. Goals: each refused in under 1 s, allocating well under 50 MB (before the package check, the bomb grew the app
/// by 576 MB). tests/load/uploads.sh measures the same uploads against the running app.
/// </summary>
[MemoryDiagnoser]
public class HostileUploadBenchmarks
{
    private QuestionnaireEvaluator _evaluator = null!;
    private byte[] _millionRows = [];
    private byte[] _tenMillionCharacterCell = [];

    [GlobalSetup]
    public void Setup()
    {
        _evaluator = new QuestionnaireEvaluator(QuestionnaireLoader.LoadFile(BenchmarkFiles.TenStepQuestionnaire).Value!);
        _millionRows = HostileWorkbooks.Rows(1_000_000);
        _tenMillionCharacterCell = HostileWorkbooks.LongCell(10_000_000);
    }

    [Benchmark]
    public string RefuseMillionRowBomb() => Refused(_millionRows, WorkbookPackage.TooManyRows);

    [Benchmark]
    public string RefuseTenMillionCharacterCell() => Refused(_tenMillionCharacterCell, WorkbookPackage.CellTooLong);

    private string Refused(byte[] workbook, string expected)
    {
        var (sheet, problems) = WorkbookImporter.Read(new MemoryStream(workbook), _evaluator, new DateOnly(2026, 11, 23), Audience.Vendor);
        return sheet is null && problems is [var problem] && problem == expected
            ? problem
            : throw new InvalidOperationException($"not refused as expected: {string.Join(" ", problems)}");
    }
}
