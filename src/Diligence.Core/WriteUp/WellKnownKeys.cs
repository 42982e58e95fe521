namespace Diligence.Core.WriteUp;

/// <summary>
/// Answer keys of the shipped questionnaire that the write-up presents specially. Keys are stable across versions;
/// a questionnaire without them gets the generic presentation.
/// </summary>
internal static class WellKnownKeys
{
    public const string ModelsOffered = "deployment.models-offered";
    public const string ModelChosen = "deployment.model-chosen";
    public const string Certifications = "certifications.held";
    public const string ResponsibilityVendor = "responsibility.vendor";
    public const string ResponsibilityCustomer = "responsibility.customer";
    public const string ResponsibilityCloudProvider = "responsibility.cloud-provider";
    public const string RiskRating = "review.risk-rating";
    public const string Decision = "review.decision";
    public const string Recommendation = "review.recommendation";

    /// <summary>The repeats that make up shared responsibility, one per party, with the party's column heading.</summary>
    public static IReadOnlyList<(string Key, string Party)> ResponsibilityParties { get; } =
    [
        (ResponsibilityVendor, "Vendor"),
        (ResponsibilityCustomer, "Customer"),
        (ResponsibilityCloudProvider, "Cloud provider"),
    ];
}
