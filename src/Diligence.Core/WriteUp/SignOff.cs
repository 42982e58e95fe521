namespace Diligence.Core.WriteUp;

/// <summary>The sign-off block: who signs for the decision (which is <see cref="WriteUp.CommitteeDecision"/>).</summary>
public sealed record SignOff(IReadOnlyList<Signatory> Signatories);
