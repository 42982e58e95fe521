using System.Globalization;
using Diligence.Core.Answers;
using Diligence.Core.Definitions;
using Diligence.Core.Reviews;

namespace Diligence.Core.WriteUp;

/// <summary>How the write-up spells dates, labels and numbers: the same on every machine, whatever its culture.</summary>
internal static class WriteUpText
{
    public const int ExpiryWarningDays = 90;

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string? Date(DateOnly? date) => date is { } value ? Date(value) : null;

    public static string Number(decimal number, string? unit) =>
        unit is null
            ? number.ToString("#,0.####", CultureInfo.InvariantCulture)
            : $"{number.ToString("#,0.####", CultureInfo.InvariantCulture)} {unit}";

    public static string YesNoNa(string id) =>
        id switch
        {
            YesNoNaItem.Yes => "Yes",
            YesNoNaItem.No => "No",
            YesNoNaItem.NotApplicable => "Not applicable",
            _ => id,
        };

    public static string Severity(FindingSeverity severity) =>
        severity switch
        {
            FindingSeverity.Critical => "Critical",
            FindingSeverity.High => "High",
            FindingSeverity.Medium => "Medium",
            FindingSeverity.Low => "Low",
            _ => "Informational",
        };

    public static string SeverityName(FindingSeverity severity) => severity.ToString().ToLowerInvariant();

    public static string Availability(EvidenceAvailability? availability) =>
        availability switch
        {
            EvidenceAvailability.Public => "Public",
            EvidenceAvailability.Nda => "Under NDA",
            EvidenceAvailability.OnRequest => "On request",
            EvidenceAvailability.NotAvailable => "Not available",
            _ => "Not stated",
        };

    public static string Status(ReviewStatus status) =>
        status switch
        {
            ReviewStatus.Draft => "Draft",
            ReviewStatus.AwaitingVendor => "Awaiting vendor",
            ReviewStatus.InReview => "In review",
            ReviewStatus.ReadyForCommittee => "Ready for committee",
            _ => "Decided",
        };

    /// <summary>The committee's decision, in the past tense so it never reads like the reviewer's recommendation.</summary>
    public static string Decision(Decision decision) =>
        decision switch
        {
            Reviews.Decision.Approve => "Approved",
            Reviews.Decision.ApproveWithConditions => "Approved with conditions",
            _ => "Rejected",
        };

    public static string FindingStatus(FindingStatus status) =>
        status switch
        {
            Reviews.FindingStatus.AcceptedRisk => "Risk accepted",
            Reviews.FindingStatus.Remediated => "Remediated",
            _ => "Open",
        };

    public static string Provenance(AnswerOrigin provenance) =>
        provenance switch
        {
            AnswerOrigin.VendorSupplied => "Vendor-supplied",
            AnswerOrigin.ReviewerConfirmed => "Reviewer-confirmed",
            _ => "Reviewer-overridden",
        };

    public static string ProvenanceName(AnswerOrigin provenance) =>
        provenance switch
        {
            AnswerOrigin.VendorSupplied => "vendor-supplied",
            AnswerOrigin.ReviewerConfirmed => "reviewer-confirmed",
            _ => "reviewer-overridden",
        };

    /// <summary>(state, note) for an expiry date judged on <paramref name="today"/>: expired, expiring within 90 days, current.</summary>
    public static (string State, string? Note) Expiry(DateOnly? expiry, DateOnly today)
    {
        if (expiry is not { } date)
            return ("", null);
        var days = date.DayNumber - today.DayNumber;
        if (days < 0)
            return ("expired", $"Expired {Days(-days)} ago");
        if (days <= ExpiryWarningDays)
            return ("expiring", days == 0 ? "Expires today" : $"Expires in {Days(days)}");
        return ("current", null);
    }

    private static string Days(int days) => days == 1 ? "1 day" : string.Create(CultureInfo.InvariantCulture, $"{days} days");
}
