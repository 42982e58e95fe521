namespace Diligence.Core.Definitions;

/// <summary>Anything read from a questionnaire file; it keeps where it was written so later checks can point at it.</summary>
public abstract record DefinitionNode
{
    public int Line { get; init; }

    public int Column { get; init; }
}
