using System.Text.RegularExpressions;
using Diligence.Tests.Shared;
using NUnit.Framework;

namespace Diligence.Cli.Tests;

public sealed partial class ValidateQuestionnaireTests
{
    private TempFolder _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = new TempFolder();

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    [Test]
    public void A_valid_questionnaire_gets_one_summary_line_and_exit_code_0()
    {
        var path = _folder.Write("network-check.yaml", Questionnaires.Valid);

        var run = CliRun.Of("validate", path);

        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.StdoutLines, Has.Count.EqualTo(1));
        Assert.That(run.StdoutLines[0], Does.Match(
            $"^{Regex.Escape(path)}: ok — questionnaire network-check 1.2.0, 1 steps, 3 items, sha256 [0-9a-f]{{64}}$"));
        Assert.That(run.Stderr, Is.Empty);
    }

    [Test]
    public void The_summary_hash_ignores_layout_and_comments()
    {
        var compact = _folder.Write("compact.yaml", Questionnaires.Valid);
        var commented = _folder.Write("commented.yaml", "# A comment\n\n" + Questionnaires.Valid.Replace("status: draft", "status:   draft   # for now", StringComparison.Ordinal));

        var run = CliRun.Of("validate", compact, commented);

        Assert.That(Hash(run.StdoutLines[0]), Is.EqualTo(Hash(run.StdoutLines[1])));
    }

    [Test]
    public void Every_repository_questionnaire_and_sample_validates_with_exit_code_0()
    {
        // The shipped files plus the schema tests' every-construct questionnaire, so the run is never empty.
        string[] files =
        [
            RepositoryRoot.Combine("tests", "Diligence.Core.Tests", "Schema", "every-construct.yaml"),
            .. Directory.GetFiles(RepositoryRoot.Combine("questionnaires"), "*.yaml"),
            .. Directory.Exists(RepositoryRoot.Combine("questionnaires", "samples"))
                ? Directory.GetFiles(RepositoryRoot.Combine("questionnaires", "samples"), "*.yaml")
                : [],
        ];

        var run = CliRun.Of(["validate", .. files]);

        Assert.That(run.ExitCode, Is.Zero, run.Stdout);
        Assert.That(run.StdoutLines, Has.Count.EqualTo(files.Length), run.Stdout);
        Assert.Multiple(() =>
        {
            for (var index = 0; index < files.Length; index++)
            {
                Assert.That(run.StdoutLines[index], Does.StartWith(files[index] + ": ok — "));
            }
        });
    }

    [Test]
    public void Bad_YAML_syntax_gets_its_line_and_exit_code_1()
    {
        var path = _folder.Write("broken.yaml", Questionnaires.ValidWith("title: Network check", "title: Network: check"));

        AssertErrors(path, $"{path}:3:15: error: invalid YAML: While scanning a plain scalar value, found invalid mapping.");
    }

    [Test]
    public void An_unknown_item_type_gets_its_line_and_exit_code_1()
    {
        var path = _folder.Write("broken.yaml", Questionnaires.ValidWith("type: yes-no-na", "type: yes-no"));

        AssertErrors(path,
            $"{path}:11:15: error: unknown item type 'yes-no'; expected one of: yes-no-na, single-choice, multi-choice, text, markdown, number, date, url, matrix, repeat, evidence, display, group");
    }

    [Test]
    public void A_missing_prompt_gets_the_item_line_and_exit_code_1()
    {
        var path = _folder.Write("broken.yaml", Questionnaires.ValidWith("\n            prompt: Which ports?", ""));

        AssertErrors(path, $"{path}:20:13: error: missing required field 'prompt'");
    }

    [Test]
    public void A_bad_severity_gets_its_line_and_exit_code_1()
    {
        var path = _folder.Write("broken.yaml", Questionnaires.ValidWith("severity: high", "severity: severe"));

        AssertErrors(path, $"{path}:14:28: error: invalid severity 'severe'; expected one of: critical, high, medium, low, info");
    }

    [Test]
    public void An_unknown_field_gets_its_line_and_exit_code_1()
    {
        var path = _folder.Write("broken.yaml", Questionnaires.ValidWith("        title: Inbound access", "        title: Inbound access\n        colour: red"));

        AssertErrors(path, $"{path}:18:9: error: unknown field 'colour'; expected one of: id, type, title, visibleWhen, items");
    }

    [Test]
    public void A_condition_on_an_unknown_option_gets_its_line_and_exit_code_1()
    {
        var path = _folder.Write("broken.yaml", Questionnaires.ValidWith("op: eq, value: yes", "op: eq, value: maybe"));

        AssertErrors(path, $"{path}:18:67: error: condition refers to unknown option 'maybe' of item 'inbound-required'");
    }

    [Test]
    public void Every_error_in_a_file_is_reported_in_line_order()
    {
        var path = _folder.Write("broken.yaml", Questionnaires.ValidWith("version: 1.2.0", "version: 1.2")
            .Replace("severity: high", "severity: severe", StringComparison.Ordinal));

        AssertErrors(path,
            $"{path}:2:10: error: invalid version '1.2'; expected MAJOR.MINOR.PATCH, e.g. 1.0.0",
            $"{path}:14:28: error: invalid severity 'severe'; expected one of: critical, high, medium, low, info");
    }

    [Test]
    public void A_missing_file_gets_file_not_found_and_exit_code_1()
    {
        var path = _folder.Path("missing.yaml");

        AssertErrors(path, $"{path}: error: file not found");
    }

    [Test]
    public void A_folder_gets_an_error_line_and_exit_code_1() =>
        AssertErrors(_folder.Root, $"{_folder.Root}: error: is a directory, not a file");

    [Test]
    public void One_bad_file_fails_the_run_but_the_good_files_still_get_their_summary()
    {
        var good = _folder.Write("good.yaml", Questionnaires.Valid);
        var missing = _folder.Path("missing.yaml");

        var run = CliRun.Of("validate", good, missing);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.StdoutLines, Has.Count.EqualTo(2));
        Assert.That(run.StdoutLines[0], Does.StartWith($"{good}: ok — questionnaire network-check 1.2.0"));
        Assert.That(run.StdoutLines[1], Is.EqualTo($"{missing}: error: file not found"));
    }

    private static void AssertErrors(string path, params string[] lines)
    {
        var run = CliRun.Of("validate", path);

        Assert.That(run.StdoutLines, Is.EqualTo(lines));
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Stderr, Is.Empty);
    }

    private static string Hash(string summaryLine) => HashPattern().Match(summaryLine).Value;

    [GeneratedRegex("sha256 [0-9a-f]{64}")]
    private static partial Regex HashPattern();
}
