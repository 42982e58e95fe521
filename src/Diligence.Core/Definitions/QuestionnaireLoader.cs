using Diligence.Core.Yaml;

namespace Diligence.Core.Definitions;

/// <summary>Loads a questionnaire definition, reporting every problem with its line and column. Never throws.</summary>
public static class QuestionnaireLoader
{
    /// <summary>Reads the file as strict UTF-8; diagnostics name the file by <paramref name="path"/> as given.</summary>
    public static LoadResult<Questionnaire> LoadFile(string path)
    {
        var bag = new DiagnosticBag(path ?? "");
        var text = path is null ? null : SourceText.ReadFile(path, bag);
        return text is null ? new LoadResult<Questionnaire>(null, bag.ToSortedList()) : Load(text, bag);
    }

    public static LoadResult<Questionnaire> Load(string yaml, string fileName)
    {
        var bag = new DiagnosticBag(fileName ?? "");
        return SourceText.IsWithinLimit(yaml ?? "", bag) ? Load(yaml ?? "", bag) : new LoadResult<Questionnaire>(null, bag.ToSortedList());
    }

    private static LoadResult<Questionnaire> Load(string text, DiagnosticBag bag)
    {
        Questionnaire? questionnaire = null;
        try
        {
            questionnaire = Read(text, bag);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A loader bug must still reach the user as a diagnostic, never as a stack trace.
            bag.Error(1, 1, $"internal error while reading the file: {e.Message}");
        }
        return new LoadResult<Questionnaire>(questionnaire, bag.ToSortedList());
    }

    private static Questionnaire? Read(string text, DiagnosticBag bag)
    {
        var root = YamlTreeReader.Read(text, bag);
        if (root is null)
            return null;
        var reader = new QuestionnaireReader(bag);
        var parts = reader.Read(root);
        if (parts is null)
            return null;
        var steps = new QuestionnaireChecker(bag, reader).Check(parts);
        if (bag.HasErrors)
            return null;
        return new Questionnaire(parts.Id, parts.Version, parts.Title, parts.Status, parts.Description, steps, parts.Findings, CanonicalHash.Compute(root));
    }
}
