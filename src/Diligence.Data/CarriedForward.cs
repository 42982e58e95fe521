namespace Diligence.Data;

/// <summary>What a re-assessment took over from the review it re-assesses.</summary>
public sealed record CarriedForward(int Answers, int Provenance, int Findings);
