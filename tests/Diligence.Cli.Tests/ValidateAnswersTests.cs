using NUnit.Framework;

namespace Diligence.Cli.Tests;

public sealed class ValidateAnswersTests
{
    private const string ValidAnswers = """
        questionnaire: { id: network-check, version: 1.2.0 }
        vendor: { name: Astronomer, product: Astro }
        asOf: 2026-11-01
        answers:
          network.inbound-required: { value: yes }
          network.inbound-ports: { value: "443", note: Only HTTPS. }
        """;

    private TempFolder _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = new TempFolder();

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    [Test]
    public void Answers_are_checked_against_the_questionnaire_given_with_them()
    {
        var questionnaire = _folder.Write("definitions/network-check.yaml", Questionnaires.Valid);
        var answers = _folder.Write("exports/astro.yaml", ValidAnswers);

        var run = CliRun.Of("validate", questionnaire, answers);

        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.StdoutLines[1], Is.EqualTo($"{answers}: ok — answers for network-check 1.2.0, 2 answers"));
    }

    [Test]
    public void Answers_find_their_questionnaire_in_the_same_folder()
    {
        _folder.Write("network-check.yaml", Questionnaires.Valid);
        var answers = _folder.Write("astro.yaml", ValidAnswers);

        var run = CliRun.Of("validate", answers);

        Assert.That(run.StdoutLines, Is.EqualTo(new[] { $"{answers}: ok — answers for network-check 1.2.0, 2 answers" }));
        Assert.That(run.ExitCode, Is.Zero);
    }

    [Test]
    public void Answers_in_a_samples_folder_find_their_questionnaire_in_the_folder_above()
    {
        _folder.Write("unrelated.yaml", "id: [not, a, questionnaire");
        _folder.Write("network-check.yaml", Questionnaires.Valid);
        var answers = _folder.Write("samples/astro.yaml", ValidAnswers);

        var run = CliRun.Of("validate", answers);

        Assert.That(run.StdoutLines, Is.EqualTo(new[] { $"{answers}: ok — answers for network-check 1.2.0, 2 answers" }));
        Assert.That(run.ExitCode, Is.Zero);
    }

    [Test]
    public void Answers_whose_questionnaire_cannot_be_found_get_an_error_line_and_exit_code_1()
    {
        _folder.Write("network-check.yaml", Questionnaires.Valid.Replace("version: 1.2.0", "version: 1.3.0", StringComparison.Ordinal));
        var answers = _folder.Write("astro.yaml", ValidAnswers);

        var run = CliRun.Of("validate", answers);

        Assert.That(run.StdoutLines, Is.EqualTo(new[]
        {
            $"{answers}:1:1: error: questionnaire 'network-check' version '1.2.0' not found; pass its file as well",
        }));
        Assert.That(run.ExitCode, Is.EqualTo(1));
    }

    [Test]
    public void Answers_that_do_not_name_their_questionnaire_get_an_error_line_and_exit_code_1()
    {
        var answers = _folder.Write("astro.yaml", "answers:\n  network.inbound-required: { value: yes }\n");

        var run = CliRun.Of("validate", answers);

        Assert.That(run.StdoutLines, Is.EqualTo(new[]
        {
            $"{answers}:1:1: error: the answers file does not say which questionnaire it is for; add questionnaire: {{ id: ..., version: ... }}",
        }));
        Assert.That(run.ExitCode, Is.EqualTo(1));
    }

    [Test]
    public void Wrong_answers_get_every_error_with_its_line_and_exit_code_1()
    {
        _folder.Write("network-check.yaml", Questionnaires.Valid);
        var answers = _folder.Write("astro.yaml", ValidAnswers
            .Replace("{ value: yes }", "{ value: maybe }", StringComparison.Ordinal)
            .Replace("network.inbound-ports:", "network.outbound-ports:", StringComparison.Ordinal));

        var run = CliRun.Of("validate", answers);

        Assert.That(run.StdoutLines, Is.EqualTo(new[]
        {
            $"{answers}:5:38: error: answer 'network.inbound-required': expected yes, no or na",
            $"{answers}:6:3: error: unknown answer key 'network.outbound-ports'",
        }));
        Assert.That(run.ExitCode, Is.EqualTo(1));
    }

    [Test]
    public void Warnings_alone_are_printed_before_the_summary_and_exit_0()
    {
        _folder.Write("network-check.yaml", Questionnaires.Valid);
        var answers = _folder.Write("astro.yaml", ValidAnswers.Replace("{ value: yes }", "{ value: no }", StringComparison.Ordinal));

        var run = CliRun.Of("validate", answers);

        Assert.That(run.StdoutLines, Is.EqualTo(new[]
        {
            $"{answers}:6:3: warning: answer to 'network.inbound-ports' is ignored: the item is hidden by other answers",
            $"{answers}: ok — answers for network-check 1.2.0, 2 answers",
        }));
        Assert.That(run.ExitCode, Is.Zero);
    }

    [Test]
    public void A_broken_questionnaire_and_its_answers_both_fail()
    {
        var questionnaire = _folder.Write("network-check.yaml", Questionnaires.ValidWith("severity: high", "severity: severe"));
        var answers = _folder.Write("astro.yaml", ValidAnswers);

        var run = CliRun.Of("validate", questionnaire, answers);

        Assert.That(run.StdoutLines, Is.EqualTo(new[]
        {
            $"{questionnaire}:14:28: error: invalid severity 'severe'; expected one of: critical, high, medium, low, info",
            $"{answers}:1:1: error: questionnaire 'network-check' version '1.2.0' not found; pass its file as well",
        }));
        Assert.That(run.ExitCode, Is.EqualTo(1));
    }
}
