using System.Text;
using CsCheck;
using Diligence.Core.Answers;
using Diligence.Core.Definitions;
using Diligence.Core.Evaluation;

namespace Diligence.Core.Tests;

/// <summary>
/// Property tests: whatever is done to a valid questionnaire or answers file (lines deleted, duplicated, re-indented,
/// values retyped or swapped, text truncated, garbage inserted), the loaders return a result and never throw; and
/// what still loads can be evaluated.
/// </summary>
public sealed class LoaderRobustnessTests
{
    private const int Cases = 12_000;

    private static readonly string[] _replacements =
    [
        "", "[]", "{}", "~", "null", "0", "-1", "1e999", "true", "no", "\"\"", "[a, b]", "{ a: b }", "-P1Y", "2026-02-30",
        "&x a", "*x", "!!binary AA", "{ question: a, op: eq }", "{ all: [] }", "'unterminated", "\"\\u0000\"", "|", ">-", "? a",
        "- x", "%TAG", "@", "`", "\t", "é", "\uFFFF", "{ not: { not: { not: [] } } }", "[[[[[[[[", "]]]", "yes-no-na", "group",
    ];

    private static readonly Lazy<string[]> _questionnaires = new(() =>
    {
        var texts = Directory.GetFiles(Path.Combine(TestFiles.Corpus, "Valid"), "*.yaml").Select(File.ReadAllText).ToList();
        if (TestFiles.ShippedQuestionnaire is { } shipped)
            texts.Add(File.ReadAllText(shipped));
        return [.. texts];
    });

    private static readonly Lazy<Questionnaire> _everyType = new(() => QuestionnaireLoader.LoadFile(TestFiles.Valid("every-type.yaml")).Value!);

    private static readonly Gen<Mutation> _mutations =
        Gen.Select(Gen.Int[0, 1000], Gen.Int.Array[3, 15], (seed, operations) => new Mutation(seed, operations));

    [Test]
    public void The_questionnaire_loader_never_throws_on_mutated_files()
    {
        _mutations.Sample(mutation =>
        {
            var texts = _questionnaires.Value;
            var text = mutation.Apply(texts[mutation.Seed % texts.Length]);

            var result = QuestionnaireLoader.Load(text, "mutated.yaml");

            AssertWellFormed(result.Diagnostics, result.Succeeded, result.Value);
            if (result.Value is { } questionnaire)
                _ = new QuestionnaireEvaluator(questionnaire).Evaluate(AnswerSheet.Empty(questionnaire), new DateOnly(2026, 11, 1));
        }, iter: Cases);
    }

    [Test]
    public void The_answers_loader_never_throws_on_mutated_files()
    {
        var answers = File.ReadAllText(TestFiles.Valid(Path.Combine("answers", "every-type.yaml")));
        _mutations.Sample(mutation =>
        {
            var text = mutation.Apply(answers);

            var result = AnswersLoader.Load(text, "mutated.answers.yaml", _everyType.Value, new DateOnly(2026, 11, 1));

            AssertWellFormed(result.Diagnostics, result.Succeeded, result.Value);
            _ = AnswersLoader.ReadHeader(text);
        }, iter: Cases / 2);
    }

    [Test]
    public void Loading_mutated_bytes_from_a_file_never_throws()
    {
        var path = Path.Combine(Path.GetTempPath(), $"diligence-robustness-{Guid.NewGuid():N}.yaml");
        var source = Encoding.UTF8.GetBytes(File.ReadAllText(TestFiles.Valid("every-type.yaml")));
        try
        {
            Gen.Select(Gen.Int[0, source.Length], Gen.Byte.Array[1, 8]).Sample((offset, garbage) =>
            {
                File.WriteAllBytes(path, [.. source.AsSpan(0, offset), .. garbage, .. source.AsSpan(offset)]);

                var result = QuestionnaireLoader.LoadFile(path);

                AssertWellFormed(result.Diagnostics, result.Succeeded, result.Value);
            }, iter: 300, threads: 1);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void AssertWellFormed<T>(IReadOnlyList<Diagnostic> diagnostics, bool succeeded, T? value)
        where T : class
    {
        Assert.That(diagnostics.Where(d => d.Message.StartsWith("internal error", StringComparison.Ordinal)).Select(d => d.Message), Is.Empty);
        Assert.That(succeeded, Is.EqualTo(value is not null && !diagnostics.Any(d => d.IsError)));
        Assert.That(diagnostics.All(d => d.Line >= 0 && d.Column >= 0 && d.Message.Length > 0), Is.True);
    }

    /// <summary>A seed file choice and operations, three numbers each: what to do, where, with what.</summary>
    private sealed record Mutation(int Seed, int[] Operations)
    {
        public string Apply(string text)
        {
            for (var i = 0; i + 2 < Operations.Length; i += 3)
                text = Apply(text, Positive(Operations[i]) % 9, Positive(Operations[i + 1]), Positive(Operations[i + 2]));
            return text;
        }

        public override string ToString() => $"seed {Seed}, operations [{string.Join(", ", Operations)}]";

        private static int Positive(int value) => value == int.MinValue ? 0 : Math.Abs(value);

        private static string Apply(string text, int kind, int where, int what)
        {
            var lines = text.Split('\n').ToList();
            var line = where % lines.Count;
            switch (kind)
            {
                case 0:
                    lines.RemoveAt(line);
                    break;
                case 1:
                    lines.Insert(line, lines[line]);
                    break;
                case 2:
                    lines[line] = ReplaceValue(lines[line], _replacements[what % _replacements.Length]);
                    break;
                case 3:
                    var other = what % lines.Count;
                    (lines[line], lines[other]) = (ReplaceValue(lines[line], ValueOf(lines[other])), ReplaceValue(lines[other], ValueOf(lines[line])));
                    break;
                case 4:
                    return text[..(where % (text.Length + 1))];
                case 5:
                    var offset = where % (text.Length + 1);
                    return text[..offset] + (char)(what % 0x3000) + text[offset..];
                case 6:
                    lines[line] = what % 2 == 0 ? "  " + lines[line] : lines[line].TrimStart();
                    break;
                case 7:
                    lines.Insert(line, _replacements[what % _replacements.Length]);
                    break;
                default:
                    var start = where % (text.Length + 1);
                    var length = Math.Min(what % 200, text.Length - start);
                    return text.Remove(start, length);
            }
            return string.Join('\n', lines);
        }

        private static string ValueOf(string line)
        {
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            return colon < 0 ? line.Trim() : line[(colon + 2)..];
        }

        private static string ReplaceValue(string line, string value)
        {
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            return colon < 0 ? value : line[..(colon + 2)] + value;
        }
    }
}
