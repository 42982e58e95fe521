namespace Diligence.Core.Definitions;

/// <summary>An item that takes an answer, stored under its <see cref="Key"/>.</summary>
public abstract record AnswerableItem : Item
{
    public required string Key { get; init; }

    public required string Prompt { get; init; }

    public string? Help { get; init; }

    public bool Required { get; init; }

    public Condition? RequiredWhen { get; init; }

    public Audience Audience { get; init; } = Audience.Both;

    public Mappings Mappings { get; init; } = Mappings.None;
}
