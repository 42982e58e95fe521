namespace Diligence.Core.Definitions;

public sealed record Option : DefinitionNode
{
    public required string Id { get; init; }

    public required string Label { get; init; }

    public decimal? Score { get; init; }

    public Flag? Flag { get; init; }

    /// <summary>In a multi-choice, cannot be selected together with any other option ("None of the above").</summary>
    public bool Exclusive { get; init; }
}
