namespace Diligence.Core.Definitions;

/// <summary>What <see cref="QuestionnaireReader"/> read, before the checks that need every item.</summary>
internal sealed record QuestionnaireParts(
    string Id,
    string Version,
    string Title,
    QuestionnaireStatus Status,
    string? Description,
    IReadOnlyList<Step> Steps,
    IReadOnlyList<RuleFinding> Findings);
