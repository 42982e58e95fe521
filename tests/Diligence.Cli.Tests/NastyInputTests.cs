using System.Text;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace Diligence.Cli.Tests;

/// <summary>Inputs meant to crash, hang or exhaust a parser: each must end in error lines and exit code 1.</summary>
public sealed class NastyInputTests
{
    private TempFolder _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = new TempFolder();

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    [Test]
    public void A_binary_file_gets_an_error_line_and_exit_code_1()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        bytes[100] = 0;
        var path = _folder.Write("image.png", bytes);

        var run = AssertRejected(path);

        Assert.That(run.StdoutLines, Is.EqualTo(new[] { $"{path}: error: binary file (it contains NUL bytes), not YAML text" }));
    }

    [Test]
    public void An_empty_file_gets_an_error_line_and_exit_code_1()
    {
        var path = _folder.Write("empty.yaml", "");

        var run = AssertRejected(path);

        Assert.That(run.StdoutLines, Is.EqualTo(new[] { $"{path}:1:1: error: file is empty" }));
    }

    [Test]
    public void A_billion_laughs_YAML_bomb_gets_error_lines_and_exit_code_1()
    {
        var bomb = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 'b'; level <= 'j'; level++)
        {
            var previous = (char)(level - 1);
            bomb.Append($"{level}: &{level} [{string.Join(", ", Enumerable.Repeat($"*{previous}", 9))}]\n");
        }

        var path = _folder.Write("bomb.yaml", bomb.ToString());

        var run = AssertRejected(path);

        Assert.That(run.StdoutLines, Does.Contain($"{path}:1:4: error: YAML anchors and aliases are not allowed"));
    }

    [Test]
    public void A_50_MB_file_gets_an_error_line_and_exit_code_1()
    {
        var line = Encoding.UTF8.GetBytes("# filler\n");
        var bytes = new byte[50 * 1024 * 1024];
        for (var offset = 0; offset + line.Length <= bytes.Length; offset += line.Length)
        {
            line.CopyTo(bytes, offset);
        }

        var path = _folder.Write("huge.yaml", bytes);

        var run = AssertRejected(path);

        Assert.That(run.StdoutLines, Is.EqualTo(new[] { $"{path}: error: file is 50 MiB, larger than the 16 MiB limit" }));
    }

    [Test]
    public void Invalid_UTF_8_gets_the_position_of_the_bad_byte_and_exit_code_1()
    {
        var path = _folder.Write("latin1.yaml", [.. "id: x\ntitle: caf"u8, 0xE9, .. "\n"u8]);

        var run = AssertRejected(path);

        Assert.That(run.StdoutLines, Is.EqualTo(new[] { $"{path}:2:11: error: not UTF-8 text (invalid byte 0xE9)" }));
    }

    [Test]
    public void A_duplicate_key_gets_its_line_and_exit_code_1()
    {
        var path = _folder.Write("duplicate.yaml", Questionnaires.ValidWith("status: draft", "status: draft\ntitle: Again"));

        var run = AssertRejected(path);

        Assert.That(run.StdoutLines, Is.EqualTo(new[] { $"{path}:5:1: error: duplicate key 'title'" }));
    }

    [Test]
    public void Ten_thousand_levels_of_nesting_get_an_error_line_and_exit_code_1()
    {
        var path = _folder.Write("deep.yaml", new string('[', 10_000));

        var run = AssertRejected(path);

        Assert.That(run.StdoutLines, Is.EqualTo(new[] { $"{path}:1:65: error: nesting is deeper than 64 levels" }));
    }

    [Test]
    public void Random_corruptions_of_a_questionnaire_get_diagnostics_never_a_crash()
    {
        const string Noise = "{}[]:,-?|>&*!%@#'\"\\ \t\nazAZ09.~";
        var random = new Random(20261123);
        var path = _folder.Path("corrupt.yaml");
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var text = new StringBuilder(Questionnaires.Valid);
            for (var edit = random.Next(1, 6); edit > 0; edit--)
            {
                var at = random.Next(text.Length);
                if (random.Next(2) == 0)
                {
                    text.Remove(at, Math.Min(random.Next(1, 8), text.Length - at));
                }
                else
                {
                    text.Insert(at, Noise[random.Next(Noise.Length)]);
                }
            }

            File.WriteAllText(path, text.ToString());
            var run = CliRun.Of("validate", path);

            Assert.That(run.ExitCode, Is.EqualTo(0).Or.EqualTo(1), text.ToString());
            Assert.That(run.StdoutLines, Has.All.Match($"^{Regex.Escape(path)}(:[0-9]+:[0-9]+: (error|warning): |: ok — )"), text.ToString());
        }
    }

    private static CliRun AssertRejected(string path)
    {
        var run = CliRun.Of("validate", path);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.StdoutLines, Is.Not.Empty);
        Assert.That(run.StdoutLines, Has.All.StartsWith(path + ":"));
        Assert.That(run.AllLines, Has.None.Contains("   at ").And.None.Contains("Exception"));
        Assert.That(run.Stderr, Is.Empty);
        return run;
    }
}
