using Diligence.Core.Answers;
using Diligence.Core.Definitions;

namespace Diligence.Cli;

/// <summary>
/// Finds the questionnaire an answers file is for: among the questionnaires given on the command line, else among
/// the <c>*.yaml</c> files in the answers file's folder and its parent folder.
/// </summary>
internal sealed class QuestionnaireFinder(IEnumerable<InputFile> given)
{
    private readonly List<Questionnaire> _given = [.. given.Select(file => file.Questionnaire?.Value).OfType<Questionnaire>()];
    private readonly Dictionary<string, Questionnaire?> _nearbyByPath = new(StringComparer.Ordinal);

    public Questionnaire? Find(string answersPath, AnswersHeader header)
    {
        bool IsWanted(Questionnaire? questionnaire) =>
            questionnaire is not null
            && questionnaire.Id == header.QuestionnaireId
            && questionnaire.Version == header.QuestionnaireVersion;

        return _given.FirstOrDefault(IsWanted) ?? NearbyPaths(answersPath).Select(Nearby).FirstOrDefault(IsWanted);
    }

    private static IEnumerable<string> NearbyPaths(string answersPath)
    {
        var answersFile = Path.GetFullPath(answersPath);
        var folder = Path.GetDirectoryName(answersFile);
        foreach (var candidateFolder in new[] { folder, Path.GetDirectoryName(folder) }.OfType<string>())
        {
            foreach (var candidate in YamlFilesIn(candidateFolder).Order(StringComparer.Ordinal).Where(candidate => candidate != answersFile))
            {
                yield return candidate;
            }
        }
    }

    private Questionnaire? Nearby(string path)
    {
        if (!_nearbyByPath.TryGetValue(path, out var questionnaire))
        {
            // A broken neighbour is not what the user asked about: it is skipped, never reported.
            questionnaire = InputFile.Read(path).Questionnaire?.Value;
            _nearbyByPath[path] = questionnaire;
        }

        return questionnaire;
    }

    private static string[] YamlFilesIn(string folder)
    {
        try
        {
            return Directory.GetFiles(folder, "*.yaml");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
