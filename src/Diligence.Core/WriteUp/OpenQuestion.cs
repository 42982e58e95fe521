namespace Diligence.Core.WriteUp;

/// <summary>A required question without an answer, with the section it belongs to.</summary>
public sealed record OpenQuestion(string Section, string SectionAnchor, string Prompt, string Key);
