using Diligence.Core.Answers;
using Diligence.Core.Definitions;
using Microsoft.Extensions.Primitives;

namespace Diligence.Web.Reviews;

/// <summary>
/// The part of saving an answer that does not depend on where it is stored: read the posted fields, validate them,
/// and tell an edit from a re-post of what the page showed.
/// </summary>
public static class AnswerSubmission
{
    /// <summary>
    /// The JSON to store (null: clear), or an <see cref="ItemSaveOutcome.Invalid"/>; <c>Unchanged</c> when the fields say
    /// what <paramref name="current"/> says as the page shows it, so a re-post never rewrites text the form trims.
    /// </summary>
    public static (ItemSaveOutcome.Invalid? Invalid, bool Unchanged, string? Json) Prepare(
        AnswerableItem item, Func<string, StringValues> form, Answer? current, DateOnly today, AnsweredDates dates)
    {
        var read = AnswerFormReader.Read(item, form);
        if (!read.IsValid)
        {
            return (new ItemSaveOutcome.Invalid(read.Errors), false, null);
        }
        if (read.Answer is { } limited && AnswerLimits.Check(item, limited) is { Count: > 0 } tooLarge)
        {
            return (new ItemSaveOutcome.Invalid(tooLarge), false, null);
        }
        if (read.Answer is { } answer && !answer.Value.IsEmpty
            && AnswerValidator.Validate(item, answer, today, dates) is { Count: > 0 } problems)
        {
            return (new ItemSaveOutcome.Invalid(problems), false, null);
        }
        if (current is not null && Equals(AsShown(item, current), read.Answer))
        {
            return (null, true, null);
        }
        // The form has no fields for an answer's own evidence list: keep it rather than drop it.
        var posted = read.Answer is { Evidence: null } withoutEvidence && current?.Evidence is { } evidence
            ? withoutEvidence with { Evidence = evidence }
            : read.Answer;
        return (null, false, posted is null ? null : AnswerJson.Serialize(posted));
    }

    private static Answer? AsShown(AnswerableItem item, Answer answer)
    {
        var fields = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        AnswerFields.Write(item, answer, fields);
        return AnswerFormReader.Read(item, name => fields.GetValueOrDefault(name)).Answer;
    }
}
