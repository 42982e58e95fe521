namespace Diligence.Core.Reviews;

/// <summary>The current answer to one questionnaire key in a review; the value is opaque JSON text.</summary>
public sealed record StoredAnswer(
    Guid ReviewId,
    string Key,
    string ValueJson,
    int Version,
    Guid UpdatedBy,
    DateTimeOffset UpdatedAt);
