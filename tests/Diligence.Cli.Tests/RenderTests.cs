using Diligence.Tests.Shared;
using NUnit.Framework;

namespace Diligence.Cli.Tests;

public sealed class RenderTests
{
    private static readonly string _questionnaire = RepositoryRoot.Combine("questionnaires", "vendor-security-diligence.yaml");
    private static readonly string _astro = RepositoryRoot.Combine("questionnaires", "samples", "astronomer-astro.answers.yaml");

    private TempFolder _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = new TempFolder();

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    [Test]
    public void Rendering_a_sample_writes_the_pdf_and_html_and_says_so()
    {
        var pdf = _folder.Path("astro.pdf");
        var html = _folder.Path("astro.html");

        var run = CliRun.Of("render", "--questionnaire", _questionnaire, "--answers", _astro, "--out", pdf, "--html", html, "--paper", "letter");

        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(run.StdoutLines, Has.Count.EqualTo(2));
        Assert.That(run.StdoutLines[0], Does.Match($@"^{Regex(pdf)}: ok — write-up of Astronomer Astro, \d+ pages, sha256 [0-9a-f]{{64}}$"));
        Assert.That(run.StdoutLines[1], Is.EqualTo($"{html}: ok — HTML of the write-up"));
        Assert.That(File.ReadAllBytes(pdf).AsSpan(0, 5).ToArray(), Is.EqualTo("%PDF-"u8.ToArray()));
        Assert.That(File.ReadAllText(html), Does.Contain("<title>Astronomer Astro: Vendor security diligence</title>"));
    }

    [Test]
    public void Answers_with_errors_are_reported_by_line_and_column_and_nothing_is_written()
    {
        var answers = _folder.Write("bad.answers.yaml", """
            questionnaire: { id: vendor-security-diligence, version: 1.0.0 }
            answers:
              network.inbound-required: { value: maybe }
              no.such.key: { value: 1 }
            """);
        var pdf = _folder.Path("bad.pdf");

        var run = CliRun.Of("render", "--questionnaire", _questionnaire, "--answers", answers, "--out", pdf);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[]
        {
            $"{answers}:3:38: error: answer 'network.inbound-required': expected yes, no or na",
            $"{answers}:4:3: error: unknown answer key 'no.such.key'",
        }));
        Assert.That(File.Exists(pdf), Is.False);
    }

    [Test]
    public void A_missing_chromium_is_one_line_naming_the_package()
    {
        var chromium = _folder.Path("no-chromium");

        var run = CliRun.Of("render", "--questionnaire", _questionnaire, "--answers", _astro, "--out", _folder.Path("a.pdf"), "--chromium", chromium);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Stdout, Is.Empty);
        Assert.That(run.Stderr.TrimEnd('\n'), Does.Not.Contain("\n").And.StartWith("diligence: error: Chromium was not found").And.Contain("Debian package 'chromium'").And.Contain("'chromium-headless-shell'"));
        Assert.That(run.Stderr, Does.Not.Contain("Exception"));
    }

    [Test]
    public void A_template_error_is_reported_as_file_line_and_column()
    {
        var templates = _folder.Path("templates");
        foreach (var file in Directory.EnumerateFiles(RepositoryRoot.Combine("templates"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(templates, Path.GetRelativePath(RepositoryRoot.Combine("templates"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var cover = Path.Combine(templates, "write-up", "partials", "cover.liquid");
        File.WriteAllText(cover, "<section>\n{% if write_up.cover.vendor %}\n</section>\n");

        var run = CliRun.Of("render", "--questionnaire", _questionnaire, "--answers", _astro, "--out", _folder.Path("a.pdf"), "--templates", templates);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Stderr, Does.Match($@"^{Regex(cover)}:\d+:\d+: error: .*endif.*\n$"));
    }

    [Test]
    public void An_unknown_paper_size_is_a_usage_error()
    {
        var run = CliRun.Of("render", "--questionnaire", _questionnaire, "--answers", _astro, "--out", _folder.Path("a.pdf"), "--paper", "a3");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.Contain("a3"));
    }

    [Test]
    public void The_questionnaire_and_answers_are_required()
    {
        var run = CliRun.Of("render", "--out", _folder.Path("a.pdf"));

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.Contain("--questionnaire").And.Contain("--answers"));
    }

    private static string Regex(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
