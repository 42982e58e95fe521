using Diligence.Tests.Shared;
using NUnit.Framework;

namespace Diligence.Cli.Tests;

/// <summary>The core tests' corpus through the command line: the same diagnostics, one per line, as the loader's golden files.</summary>
public sealed class CorpusTests
{
    private static readonly string _corpus = RepositoryRoot.Combine("tests", "Diligence.Core.Tests", "Corpus");

    public static IEnumerable<TestCaseData> InvalidQuestionnaires() =>
        Directory.GetFiles(Path.Combine(_corpus, "Invalid"), "*.yaml").Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(path).SetArgDisplayNames(Path.GetFileName(path)));

    [TestCaseSource(nameof(InvalidQuestionnaires))]
    public void An_invalid_corpus_questionnaire_prints_its_golden_diagnostics_and_exits_1(string path)
    {
        var name = Path.GetFileName(path);
        var expected = File.ReadAllLines(Path.ChangeExtension(path, ".errors"))
            .Where(line => line.Length > 0)
            .Select(line => path + line[name.Length..]);

        var run = CliRun.Of("validate", path);

        Assert.That(run.StdoutLines, Is.EqualTo(expected));
        Assert.That(run.ExitCode, Is.EqualTo(1));
    }

    [Test]
    public void The_valid_corpus_passes_and_its_answers_find_their_questionnaire_in_the_folder_above()
    {
        var answers = Path.Combine(_corpus, "Valid", "answers", "every-type.yaml");

        var run = CliRun.Of("validate", answers);

        Assert.That(run.StdoutLines, Is.EqualTo(new[] { $"{answers}: ok — answers for every-type 1.2.0-beta.1, 15 answers" }));
        Assert.That(run.ExitCode, Is.Zero);
    }
}
