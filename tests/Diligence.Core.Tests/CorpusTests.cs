using Diligence.Core.Answers;
using Diligence.Core.Definitions;
using Diligence.Tests.Shared;

namespace Diligence.Core.Tests;

/// <summary>
/// Golden files: every <c>Corpus/Invalid/&lt;name&gt;.yaml</c> loads with exactly the diagnostics in
/// <c>&lt;name&gt;.errors</c>; answers files in <c>Corpus/Invalid/answers/</c> are loaded against
/// <c>Corpus/Valid/every-type.yaml</c>. Run with DILIGENCE_ACCEPT_CORPUS=1 to rewrite the expected files, then
/// review the diff.
/// </summary>
public sealed class CorpusTests
{
    private static readonly bool _accept = Environment.GetEnvironmentVariable("DILIGENCE_ACCEPT_CORPUS") == "1";

    public static IEnumerable<TestCaseData> InvalidQuestionnaires() => Cases("Invalid");

    public static IEnumerable<TestCaseData> InvalidAnswers() => Cases(Path.Combine("Invalid", "answers"));

    public static IEnumerable<TestCaseData> ValidQuestionnaires() =>
        Directory.GetFiles(Path.Combine(TestFiles.Corpus, "Valid"), "*.yaml").Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(path).SetArgDisplayNames(Path.GetFileName(path)));

    [TestCaseSource(nameof(InvalidQuestionnaires))]
    public void Invalid_questionnaire_reports_exactly_its_expected_diagnostics(string path)
    {
        var result = QuestionnaireLoader.LoadFile(path);

        AssertDiagnostics(path, result.Diagnostics);
        Assert.That(result.Succeeded, Is.False);
    }

    [TestCaseSource(nameof(InvalidAnswers))]
    public void Invalid_answers_file_reports_exactly_its_expected_diagnostics(string path)
    {
        var questionnaire = QuestionnaireLoader.LoadFile(TestFiles.Valid("every-type.yaml")).Value!;

        var result = AnswersLoader.LoadFile(path, questionnaire);

        AssertDiagnostics(path, result.Diagnostics);
    }

    [TestCaseSource(nameof(ValidQuestionnaires))]
    public void Valid_questionnaire_loads_without_diagnostics(string path)
    {
        var result = QuestionnaireLoader.LoadFile(path);

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.Empty);
        Assert.That(result.Succeeded, Is.True);
    }

    [Test]
    public void Every_questionnaire_corpus_file_starts_with_a_schema_marker()
    {
        var files = Directory.GetFiles(Path.Combine(TestFiles.Corpus, "Valid"), "*.yaml")
            .Concat(Directory.GetFiles(Path.Combine(TestFiles.Corpus, "Invalid"), "*.yaml"));

        foreach (var file in files)
        {
            var firstLine = File.ReadLines(file, System.Text.Encoding.Latin1).First();
            Assert.That(firstLine, Is.EqualTo("# schema: reject").Or.EqualTo("# schema: accept"), Path.GetFileName(file));
        }
    }

    [Test]
    public void Valid_files_are_marked_schema_accept()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(TestFiles.Corpus, "Valid"), "*.yaml"))
            Assert.That(File.ReadLines(file).First(), Is.EqualTo("# schema: accept"), Path.GetFileName(file));
    }

    [Test]
    public void The_valid_answers_file_loads_without_diagnostics()
    {
        var questionnaire = QuestionnaireLoader.LoadFile(TestFiles.Valid("every-type.yaml")).Value!;

        var result = AnswersLoader.LoadFile(TestFiles.Valid(Path.Combine("answers", "every-type.yaml")), questionnaire);

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.Empty);
        Assert.That(result.Value!.Count, Is.EqualTo(15));
    }

    private static IEnumerable<TestCaseData> Cases(string folder) =>
        Directory.GetFiles(Path.Combine(TestFiles.Corpus, folder), "*.yaml").Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(path).SetArgDisplayNames(Path.GetFileName(path)));

    private static void AssertDiagnostics(string path, IReadOnlyList<Diagnostic> diagnostics)
    {
        var name = Path.GetFileName(path);
        var actual = diagnostics.Select(d => (d with { File = name }).ToString()).ToList();
        var expectedPath = Path.ChangeExtension(path, ".errors");
        if (_accept)
        {
            var source = RepositoryRoot.Combine("tests", "Diligence.Core.Tests", Path.GetRelativePath(TestContext.CurrentContext.TestDirectory, expectedPath));
            File.WriteAllText(source, string.Concat(actual.Select(line => line + "\n")));
            return;
        }
        Assert.That(File.Exists(expectedPath), Is.True, $"{Path.GetFileName(expectedPath)} is missing");
        var expected = File.ReadAllLines(expectedPath).Where(line => line.Length > 0).ToList();
        Assert.That(actual, Is.EqualTo(expected));
    }
}
