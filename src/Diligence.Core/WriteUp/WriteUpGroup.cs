namespace Diligence.Core.WriteUp;

/// <summary>Answers under one heading: a questionnaire group's title, or none for the items directly in a step.</summary>
public sealed record WriteUpGroup(string? Title, IReadOnlyList<WriteUpAnswer> Answers);
