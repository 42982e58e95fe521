using Diligence.Core;
using Diligence.Core.Answers;
using Diligence.Core.Definitions;

namespace Diligence.Cli;

/// <summary>
/// A file read once and told apart by content: an answers file (it has a top-level <c>answers</c>) or a
/// questionnaire, loaded straight away so answers files can be checked against it.
/// </summary>
internal sealed class InputFile
{
    private InputFile(string path, string? text, string? problem, AnswersHeader? answersHeader, LoadResult<Questionnaire>? questionnaire)
    {
        Path = path;
        Text = text;
        Problem = problem;
        AnswersHeader = answersHeader;
        Questionnaire = questionnaire;
    }

    /// <summary>The path as given, so output names the file the way the user did.</summary>
    public string Path { get; }

    /// <summary>The text; null when the file could not be read.</summary>
    public string? Text { get; }

    /// <summary>The output line saying why the file could not be read.</summary>
    public string? Problem { get; }

    /// <summary>Set for an answers file.</summary>
    public AnswersHeader? AnswersHeader { get; }

    /// <summary>Set for a readable file that is not an answers file.</summary>
    public LoadResult<Questionnaire>? Questionnaire { get; }

    public static InputFile Read(string path)
    {
        if (!TextFile.TryRead(path, out var text, out var problem))
        {
            return Unreadable(path, problem);
        }

        return AnswersLoader.ReadHeader(text) is { } header
            ? new InputFile(path, text, null, header, null)
            : new InputFile(path, text, null, null, QuestionnaireLoader.Load(text, path));
    }

    public static InputFile Unreadable(string path, string problem) => new(path, null, problem, null, null);
}
