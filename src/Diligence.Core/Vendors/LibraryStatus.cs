namespace Diligence.Core.Vendors;

/// <summary>
/// When a vendor last declared its library current ("Submit"), for which questionnaire version and as of which day;
/// all null until the first submit.
/// </summary>
public sealed record LibraryStatus(
    Guid VendorId,
    string? QuestionnaireId,
    string? QuestionnaireVersion,
    DateOnly? AsOf,
    Guid? SubmittedBy,
    DateTimeOffset? SubmittedAt)
{
    public static LibraryStatus NotSubmitted(Guid vendorId) => new(vendorId, null, null, null, null, null);
}
