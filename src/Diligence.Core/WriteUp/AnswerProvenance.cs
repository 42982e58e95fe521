namespace Diligence.Core.WriteUp;

/// <summary>Where an answer in a review came from.</summary>
public enum AnswerProvenance
{
    VendorSupplied,
    ReviewerConfirmed,
    ReviewerOverridden,
}
