using Diligence.Data.Sqlite;

namespace Diligence.Data;

/// <summary>
/// What importing a file into a review would change, from the answers stored now: either the keys whose version moved
/// since the importer read them, or the keys whose value differs. Both providers plan the same way.
/// </summary>
internal sealed record AnswerImportPlan(IReadOnlyList<string> Conflicts, IReadOnlyList<LibraryChange> Changes)
{
    public static AnswerImportPlan For(
        IReadOnlyDictionary<string, (string? ValueJson, int Version)> current, IReadOnlyList<ImportedAnswer> answers)
    {
        var conflicts = new List<string>();
        var changes = new List<LibraryChange>();
        foreach (var answer in answers)
        {
            var (valueJson, version) = current.TryGetValue(answer.Key, out var row) ? row : (null, 0);
            // As a single save: a cleared answer may be written by whoever read it as absent (version 0).
            if (answer.ExpectedVersion != version && !(valueJson is null && answer.ExpectedVersion == 0))
            {
                conflicts.Add(answer.Key);
            }
            else if (valueJson != answer.ValueJson)
            {
                changes.Add(new LibraryChange(answer.Key, valueJson, answer.ValueJson, version + 1));
            }
        }
        return new AnswerImportPlan(conflicts, changes);
    }
}
