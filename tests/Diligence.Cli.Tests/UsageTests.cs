using NUnit.Framework;

namespace Diligence.Cli.Tests;

public sealed class UsageTests
{
    [Test]
    public void No_command_is_a_usage_error_with_exit_code_2()
    {
        var run = CliRun.Of();

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.Contain("diligence --help"));
        Assert.That(run.Stdout, Is.Empty);
    }

    [Test]
    public void Validate_without_files_is_a_usage_error_with_exit_code_2()
    {
        var run = CliRun.Of("validate");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Is.Not.Empty);
        Assert.That(run.Stdout, Is.Empty);
    }

    [Test]
    public void An_unknown_option_is_a_usage_error_with_exit_code_2()
    {
        var run = CliRun.Of("validate", "--strict", "questionnaire.yaml");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.Contain("--strict"));
        Assert.That(run.Stdout, Is.Empty);
    }

    [Test]
    public void An_unknown_command_is_a_usage_error_with_exit_code_2()
    {
        var run = CliRun.Of("publish", "questionnaire.yaml");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.Contain("publish"));
        Assert.That(run.Stdout, Is.Empty);
    }

    [Test]
    public void Help_lists_the_validate_command_and_exits_0()
    {
        var run = CliRun.Of("--help");

        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Stdout, Does.Contain("validate"));
    }

    [Test]
    public void A_file_name_starting_with_an_at_sign_is_a_file_not_a_response_file()
    {
        var run = CliRun.Of("validate", "@missing.yaml");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.StdoutLines, Is.EqualTo(new[] { "@missing.yaml: error: file not found" }));
    }
}
