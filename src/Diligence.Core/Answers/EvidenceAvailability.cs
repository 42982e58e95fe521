namespace Diligence.Core.Answers;

/// <summary>Written <c>public</c>, <c>nda</c>, <c>on-request</c>, <c>not-available</c> in files.</summary>
public enum EvidenceAvailability
{
    Public,
    Nda,
    OnRequest,
    NotAvailable,
}
