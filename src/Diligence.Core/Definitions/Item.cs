namespace Diligence.Core.Definitions;

/// <summary>Anything inside a step: a question (<see cref="AnswerableItem"/>), a <see cref="DisplayItem"/> or a <see cref="Group"/>.</summary>
public abstract record Item : DefinitionNode
{
    public required string Id { get; init; }

    public abstract ItemType Type { get; }

    public Condition? VisibleWhen { get; init; }
}
