namespace Diligence.Core.Reviews;

public enum ProvenanceStatus
{
    /// <summary>The vendor's answer, not yet looked at by a reviewer.</summary>
    Prefilled,

    /// <summary>A reviewer accepted the vendor's answer.</summary>
    Confirmed,

    /// <summary>A reviewer changed the answer; the vendor's value is kept beside it.</summary>
    Overridden,
}
