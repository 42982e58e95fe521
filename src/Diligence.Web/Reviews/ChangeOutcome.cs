namespace Diligence.Web.Reviews;

/// <summary>What became of a change a user asked for on a review-management page.</summary>
public abstract record ChangeOutcome
{
    /// <summary>The form-level message key in <see cref="Refused.Errors"/>: not tied to one field.</summary>
    public const string FormError = "";

    private ChangeOutcome()
    {
    }

    /// <summary>The review, vendor or finding named does not exist.</summary>
    public sealed record NotFound : ChangeOutcome;

    /// <summary>Done; Id is what was created or changed (the review to go to after a move or re-assessment).</summary>
    public sealed record Done(Guid Id) : ChangeOutcome;

    /// <summary>Nothing changed: messages by field name (<see cref="FormError"/> for the whole form).</summary>
    public sealed record Refused(IReadOnlyDictionary<string, string> Errors) : ChangeOutcome;
}
