namespace Diligence.Core.WriteUp;

/// <summary>The sign-off block: the decision recorded and who signs for it.</summary>
public sealed record SignOff(string Decision, string? DecidedOn, IReadOnlyList<Signatory> Signatories);
