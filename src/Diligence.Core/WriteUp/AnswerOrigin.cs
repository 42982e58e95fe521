namespace Diligence.Core.WriteUp;

/// <summary>Where an answer in a review came from.</summary>
public enum AnswerOrigin
{
    VendorSupplied,
    ReviewerConfirmed,
    ReviewerOverridden,
}
