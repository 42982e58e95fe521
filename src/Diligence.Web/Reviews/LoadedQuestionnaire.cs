using Diligence.Core.Answers;
using Diligence.Core.Definitions;
using Diligence.Core.Evaluation;
using Diligence.Core.Reviews;

namespace Diligence.Web.Reviews;

/// <summary>A published questionnaire version with its evaluator, built once and shared by every review on it.</summary>
public sealed record LoadedQuestionnaire(Questionnaire Definition, QuestionnaireEvaluator Evaluator)
{
    /// <summary>The answer sheet a review's stored answers make on this version.</summary>
    public AnswerSheet SheetOf(IEnumerable<StoredAnswer> stored, string vendorName, string? vendorProduct)
    {
        var sheetAnswers = new List<KeyValuePair<string, Answer>>();
        foreach (var answer in stored)
        {
            // Keys from another questionnaire version (or carried over with another type) stay stored but mean
            // nothing to this one.
            if (Definition.FindItemByKey(answer.Key) is { } item && AnswerJson.TryDeserialize(answer.ValueJson, item, out var read))
            {
                sheetAnswers.Add(new(answer.Key, read));
            }
        }
        return new AnswerSheet(Definition.Id, Definition.Version, sheetAnswers, vendorName, vendorProduct);
    }
}
