using Diligence.Core.Answers;
using Diligence.Core.Definitions;
using Diligence.Core.Evaluation;
using Diligence.Core.Reviews;

namespace Diligence.Web.Reviews;

/// <summary>
/// A finding with where it came from, in words: the question and answer that raised it, a rule, or a reviewer; and, for
/// a finding raised by an answer, the question on its step page.
/// </summary>
public sealed record FindingView(Finding Finding, string Source, QuestionLink? Question)
{
    public static FindingView Of(Finding finding, Guid reviewId, Questionnaire definition)
    {
        var (item, option) = RaisedBy(finding, definition);
        if (item is null)
        {
            return new FindingView(finding, finding.Source switch
            {
                FindingSource.Manual => "Added by a reviewer",
                FindingSource.Rule => "Rule " + (finding.SourceId?.StartsWith("rule:", StringComparison.Ordinal) == true ? finding.SourceId["rule:".Length..] : finding.SourceId),
                _ => finding.SourceId ?? "",
            }, null);
        }
        var answer = AnswerText.Describe(item, new Answer(new ChoiceValue(option)));
        var question = definition.FindStepOf(item.Id) is { } step
            ? new QuestionLink(item.Prompt, $"/reviews/{reviewId}/steps/{step.Id}#{FieldNames.ItemElementId(item.Id)}")
            : null;
        return new FindingView(finding, $"{item.Prompt} Answer: {answer}", question);
    }

    // A flag's source id names the item and the option whose flag raised the finding.
    private static (AnswerableItem? Item, string Option) RaisedBy(Finding finding, Questionnaire definition) =>
        finding.Source == FindingSource.Flag && FlagSourceId.TryParse(finding.SourceId, out var key, out var option)
            && definition.FindItemByKey(key) is { } item
            ? (item, option)
            : (null, "");
}
