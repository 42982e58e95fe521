namespace Diligence.Core.Definitions;

/// <summary>A finding raised when an answer is chosen; <see cref="Ask"/> asks the answerer for an explanation.</summary>
public sealed record Flag : DefinitionNode
{
    public required FindingSeverity Severity { get; init; }

    public required string Finding { get; init; }

    public string? Ask { get; init; }
}
