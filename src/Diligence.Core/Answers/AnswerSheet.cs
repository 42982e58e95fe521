namespace Diligence.Core.Answers;

/// <summary>An immutable set of answers by item key, with the facts of the file or review they came from.</summary>
public sealed class AnswerSheet
{
    private readonly Dictionary<string, Answer> _byKey;

    public AnswerSheet(
        string questionnaireId,
        string questionnaireVersion,
        IEnumerable<KeyValuePair<string, Answer>>? answers = null,
        string? vendorName = null,
        string? product = null,
        DateOnly? asOf = null)
    {
        QuestionnaireId = questionnaireId;
        QuestionnaireVersion = questionnaireVersion;
        VendorName = vendorName;
        Product = product;
        AsOf = asOf;
        _byKey = new Dictionary<string, Answer>(answers ?? [], StringComparer.Ordinal);
    }

    private AnswerSheet(AnswerSheet source, Dictionary<string, Answer> byKey)
    {
        QuestionnaireId = source.QuestionnaireId;
        QuestionnaireVersion = source.QuestionnaireVersion;
        VendorName = source.VendorName;
        Product = source.Product;
        AsOf = source.AsOf;
        _byKey = byKey;
    }

    public string QuestionnaireId { get; }

    public string QuestionnaireVersion { get; }

    public string? VendorName { get; }

    public string? Product { get; }

    public DateOnly? AsOf { get; }

    public IReadOnlyDictionary<string, Answer> ByKey => _byKey;

    public int Count => _byKey.Count;

    public Answer? this[string key] => _byKey.GetValueOrDefault(key);

    public static AnswerSheet Empty(Definitions.Questionnaire questionnaire)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        return new AnswerSheet(questionnaire.Id, questionnaire.Version);
    }

    /// <summary>A copy with <paramref name="key"/> set to <paramref name="answer"/>, or removed when it is null.</summary>
    public AnswerSheet With(string key, Answer? answer)
    {
        var byKey = new Dictionary<string, Answer>(_byKey, StringComparer.Ordinal);
        if (answer is null)
            byKey.Remove(key);
        else
            byKey[key] = answer;
        return new AnswerSheet(this, byKey);
    }
}
