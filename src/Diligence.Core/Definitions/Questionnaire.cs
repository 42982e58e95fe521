namespace Diligence.Core.Definitions;

/// <summary>An immutable, loaded questionnaire definition.</summary>
public sealed class Questionnaire
{
    private readonly Dictionary<string, Item> _itemsById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AnswerableItem> _itemsByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Step> _stepsById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Step> _stepByItemId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Item> _parentByItemId = new(StringComparer.Ordinal);

    public Questionnaire(
        string id,
        string version,
        string title,
        QuestionnaireStatus status,
        string? description,
        IReadOnlyList<Step> steps,
        IReadOnlyList<RuleFinding> findings,
        string contentHash)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(findings);
        Id = id;
        Version = version;
        Title = title;
        Status = status;
        Description = description;
        Steps = steps;
        Findings = findings;
        ContentHash = contentHash;

        var all = new List<Item>();
        var answerable = new List<AnswerableItem>();
        foreach (var step in steps)
        {
            _stepsById.TryAdd(step.Id, step);
            Index(step, null, step.Items, all, answerable);
        }
        AllItems = all;
        AnswerableItems = answerable;
    }

    public string Id { get; }

    public string Version { get; }

    public string Title { get; }

    public QuestionnaireStatus Status { get; }

    public string? Description { get; }

    /// <summary>Lower-case hex SHA-256 over the canonical form of the file (keys sorted, scalars as text, layout and comments ignored).</summary>
    public string ContentHash { get; }

    public IReadOnlyList<Step> Steps { get; }

    public IReadOnlyList<RuleFinding> Findings { get; }

    /// <summary>Every item in document order: groups, display items and repeat sub-items included.</summary>
    public IReadOnlyList<Item> AllItems { get; }

    /// <summary>
    /// Every item that is answered under its own key, in document order. Repeat sub-items are not listed: they are
    /// answered inside their repeat's entries (find them with <see cref="FindItem"/> or <see cref="RepeatItem.Items"/>).
    /// </summary>
    public IReadOnlyList<AnswerableItem> AnswerableItems { get; }

    /// <summary>Any item by id, groups and repeat sub-items included.</summary>
    public Item? FindItem(string id) => _itemsById.GetValueOrDefault(id);

    /// <summary>An answerable item by key, repeat sub-items included.</summary>
    public AnswerableItem? FindItemByKey(string key) => _itemsByKey.GetValueOrDefault(key);

    public Step? FindStep(string id) => _stepsById.GetValueOrDefault(id);

    /// <summary>The step an item (or group, or repeat sub-item) is in.</summary>
    public Step? FindStepOf(string itemId) => _stepByItemId.GetValueOrDefault(itemId);

    /// <summary>The group or repeat directly holding an item; null for an item directly in a step.</summary>
    public Item? FindParentOf(string itemId) => _parentByItemId.GetValueOrDefault(itemId);

    private void Index(Step step, Item? parent, IReadOnlyList<Item> items, List<Item> all, List<AnswerableItem> answerable)
    {
        foreach (var item in items)
        {
            all.Add(item);
            _itemsById.TryAdd(item.Id, item);
            _stepByItemId.TryAdd(item.Id, step);
            if (parent is not null)
                _parentByItemId.TryAdd(item.Id, parent);
            if (item is AnswerableItem question)
            {
                _itemsByKey.TryAdd(question.Key, question);
                if (parent is not RepeatItem)
                    answerable.Add(question);
            }
            switch (item)
            {
                case Group group:
                    Index(step, group, group.Items, all, answerable);
                    break;
                case RepeatItem repeat:
                    Index(step, repeat, repeat.Items, all, answerable);
                    break;
            }
        }
    }
}
