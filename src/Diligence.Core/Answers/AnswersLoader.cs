using Diligence.Core.Definitions;
using Diligence.Core.Evaluation;
using Diligence.Core.Yaml;

namespace Diligence.Core.Answers;

/// <summary>
/// Loads an answers file (vendor pre-answers, review export) against the questionnaire it is for. Unknown keys,
/// values of the wrong shape, unknown options, invalid dates and invalid answers are errors; answers to items that
/// the other answers hide are warnings. Never throws.
/// </summary>
public static class AnswersLoader
{
    private static readonly string[] _rootFields = ["questionnaire", "vendor", "asOf", "answers"];
    private static readonly string[] _questionnaireFields = ["id", "version"];
    private static readonly string[] _vendorFields = ["name", "product"];
    private static readonly string[] _answerFields = ["value", "other", "justification", "explanation", "note", "evidence", "asOf"];

    /// <summary>Date bounds are checked relative to the file's <c>asOf</c>, or today (UTC) when it has none.</summary>
    public static LoadResult<AnswerSheet> LoadFile(string path, Questionnaire questionnaire) =>
        LoadFile(path, questionnaire, null);

    public static LoadResult<AnswerSheet> LoadFile(string path, Questionnaire questionnaire, DateOnly? today)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        var bag = new DiagnosticBag(path ?? "");
        var text = path is null ? null : SourceText.ReadFile(path, bag);
        return text is null ? new LoadResult<AnswerSheet>(null, bag.ToSortedList()) : Load(text, bag, questionnaire, today);
    }

    /// <summary>Date bounds are checked relative to the file's <c>asOf</c>, or today (UTC) when it has none.</summary>
    public static LoadResult<AnswerSheet> Load(string yaml, string fileName, Questionnaire questionnaire) =>
        Load(yaml, fileName, questionnaire, null);

    public static LoadResult<AnswerSheet> Load(string yaml, string fileName, Questionnaire questionnaire, DateOnly? today)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        var bag = new DiagnosticBag(fileName ?? "");
        return SourceText.IsWithinLimit(yaml ?? "", bag)
            ? Load(yaml ?? "", bag, questionnaire, today)
            : new LoadResult<AnswerSheet>(null, bag.ToSortedList());
    }

    /// <summary>
    /// As <see cref="Load(string, string, Questionnaire, DateOnly?)"/>, with an evaluator already built for the
    /// questionnaire, for <paramref name="audience"/>: with <see cref="Audience.Vendor"/> (a vendor library) an answer to
    /// an item vendors do not answer is an error, and visibility is judged as vendors see it.
    /// </summary>
    public static LoadResult<AnswerSheet> Load(string yaml, string fileName, QuestionnaireEvaluator evaluator, DateOnly? today, Audience audience)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        var bag = new DiagnosticBag(fileName ?? "");
        return SourceText.IsWithinLimit(yaml ?? "", bag)
            ? Load(yaml ?? "", bag, evaluator, today, audience)
            : new LoadResult<AnswerSheet>(null, bag.ToSortedList());
    }

    /// <summary>
    /// The questionnaire id and version an answers file is for, or null when the text is not an answers file (no
    /// top-level <c>answers</c>) or not YAML at all. Never throws.
    /// </summary>
    public static AnswersHeader? ReadHeader(string yaml)
    {
        var bag = new DiagnosticBag("");
        try
        {
            if (!SourceText.IsWithinLimit(yaml ?? "", bag) || YamlTreeReader.Read(yaml ?? "", bag) is not MappingNode root || !root.Contains("answers"))
                return null;
            var header = root["questionnaire"] as MappingNode;
            return new AnswersHeader(TextOf(header?["id"]), TextOf(header?["version"]));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    private static string TextOf(Node? node) => node is ScalarNode { IsNull: false } scalar ? scalar.Text : "";

    private static LoadResult<AnswerSheet> Load(string text, DiagnosticBag bag, Questionnaire questionnaire, DateOnly? today) =>
        Load(text, bag, new QuestionnaireEvaluator(questionnaire), today, Audience.Both);

    private static LoadResult<AnswerSheet> Load(string text, DiagnosticBag bag, QuestionnaireEvaluator evaluator, DateOnly? today, Audience audience)
    {
        AnswerSheet? sheet = null;
        try
        {
            sheet = Read(text, bag, evaluator, today, audience);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A loader bug must still reach the user as a diagnostic, never as a stack trace.
            bag.Error(1, 1, $"internal error while reading the file: {e.Message}");
        }
        return new LoadResult<AnswerSheet>(sheet, bag.ToSortedList());
    }

    private static AnswerSheet? Read(string text, DiagnosticBag bag, QuestionnaireEvaluator evaluator, DateOnly? today, Audience audience)
    {
        var questionnaire = evaluator.Questionnaire;
        var root = YamlTreeReader.Read(text, bag);
        if (root is null)
            return null;
        if (root is not MappingNode mapping)
        {
            bag.Error(root, $"an answers file must be a mapping of fields, not {root.Description}");
            return null;
        }
        var fields = new FieldReader(mapping, bag, _rootFields);
        CheckHeader(fields, bag, questionnaire);
        string? vendorName = null;
        string? product = null;
        if (fields.Map("vendor") is { } vendor)
        {
            var vendorFields = new FieldReader(vendor, bag, _vendorFields);
            vendorName = vendorFields.Text("name");
            product = vendorFields.Text("product");
        }
        var values = new AnswerValueReader(bag);
        var asOf = fields.Node("asOf") is { } asOfNode ? values.ReadDate(asOfNode, "'asOf'") : null;
        var answersNode = fields.Map("answers", required: true);
        if (answersNode is null)
            return null;

        var answers = new Dictionary<string, Answer>(StringComparer.Ordinal);
        var nodes = new Dictionary<string, KeyValuePair<ScalarNode, Node>>(StringComparer.Ordinal);
        foreach (var entry in answersNode.Entries)
        {
            var key = entry.Key.Text;
            if (questionnaire.FindItemByKey(key) is not { } item)
            {
                bag.Error(entry.Key, $"unknown answer key '{key}'");
                continue;
            }
            if (questionnaire.FindParentOf(item.Id) is RepeatItem repeat)
            {
                bag.Error(entry.Key, $"answer key '{key}' is a sub-item of '{repeat.Key}'; answer it inside that repeat's entries");
                continue;
            }
            if (audience == Audience.Vendor && !item.Audience.HasFlag(Audience.Vendor))
            {
                bag.Error(entry.Key, $"answer key '{key}' is for reviewers only; a vendor library holds only the items vendors answer");
                continue;
            }
            var answer = ReadAnswer(item, entry.Value, $"answer '{key}'", bag, values);
            if (answer is null)
                continue;
            // Limits hold for hidden answers too: they are stored all the same.
            if (AnswerLimits.Check(item, answer) is { Count: > 0 } tooLarge)
            {
                var valuePosition = (entry.Value as MappingNode)?["value"] ?? entry.Value;
                foreach (var problem in tooLarge)
                    bag.Error(valuePosition, $"answer '{key}': {problem}");
                continue;
            }
            answers[key] = answer;
            nodes[key] = entry;
        }

        // With answers missing for errors, what they would hide is unknown: warning about it would mislead.
        var complete = !bag.HasErrors;
        var sheet = new AnswerSheet(questionnaire.Id, questionnaire.Version, answers, vendorName, product, asOf);
        var day = today ?? asOf ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var evaluation = evaluator.Evaluate(sheet, day, audience);
        var dates = new AnsweredDates(questionnaire, sheet, evaluation.IsVisible);
        foreach (var (key, answer) in answers)
        {
            var item = questionnaire.FindItemByKey(key)!;
            var (keyNode, valueNode) = nodes[key];
            if (!evaluation.IsVisible(item.Id))
            {
                if (complete)
                    bag.Warning(keyNode, $"answer to '{key}' is ignored: the item is hidden by other answers");
                continue;
            }
            var position = (valueNode as MappingNode)?["value"] ?? valueNode;
            foreach (var problem in AnswerValidator.Validate(item, answer, day, dates))
                bag.Error(position, $"answer '{key}': {problem}");
        }
        return bag.HasErrors ? null : sheet;
    }

    private static void CheckHeader(FieldReader fields, DiagnosticBag bag, Questionnaire questionnaire)
    {
        var header = fields.Map("questionnaire", required: true);
        if (header is null)
            return;
        var headerFields = new FieldReader(header, bag, _questionnaireFields);
        var id = headerFields.TextNode("id", required: true);
        var version = headerFields.TextNode("version", required: true);
        if (id is not null && id.Text != questionnaire.Id)
            bag.Error(id, $"answers are for questionnaire '{id.Text}', but the questionnaire is '{questionnaire.Id}'");
        else if (version is not null && version.Text != questionnaire.Version)
            bag.Error(version, $"answers are for version {version.Text} of '{questionnaire.Id}', but the questionnaire is version {questionnaire.Version}");
    }

    private static Answer? ReadAnswer(AnswerableItem item, Node node, string subject, DiagnosticBag bag, AnswerValueReader values)
    {
        if (node is not MappingNode mapping)
        {
            bag.Error(node, $"{subject}: expected a mapping with 'value', e.g. {{ value: ... }}");
            return null;
        }
        var fields = new FieldReader(mapping, bag, _answerFields);
        var valueNode = fields.Node("value", required: true);
        var value = valueNode is null ? null : values.Read(item, valueNode, subject);
        var evidence = new List<EvidenceReference>();
        var evidenceValid = true;
        if (fields.List("evidence") is { } evidenceList)
        {
            for (var i = 0; i < evidenceList.Items.Count; i++)
            {
                var reference = values.ReadEvidence(evidenceList.Items[i], $"{subject}, evidence {i + 1}");
                if (reference is null)
                    evidenceValid = false;
                else
                    evidence.Add(reference);
            }
        }
        var asOf = fields.Node("asOf") is { } asOfNode ? values.ReadDate(asOfNode, $"{subject}, asOf") : null;
        var other = fields.Text("other");
        var justification = fields.Text("justification");
        var explanation = fields.Text("explanation");
        var note = fields.Text("note");
        if (value is null || !evidenceValid)
            return null;
        return new Answer(value, other, justification, explanation, note, evidence.Count > 0 ? evidence : null, asOf);
    }
}
