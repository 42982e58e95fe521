namespace Diligence.Core.Definitions;

/// <summary>A questionnaire-level finding raised when <see cref="When"/> holds: combinations and missing answers.</summary>
public sealed record RuleFinding : DefinitionNode
{
    public required string Id { get; init; }

    public required Condition When { get; init; }

    public required FindingSeverity Severity { get; init; }

    public required string Finding { get; init; }

    public string? Ask { get; init; }
}
