namespace Diligence.Core.WriteUp;

/// <summary>Where a section's open questions go while its items are walked.</summary>
internal sealed record SectionInProgress(string Title, string Anchor, List<OpenQuestion> Open);
