using Diligence.Core.Answers;
using Diligence.Core.Definitions;
using Microsoft.Extensions.Primitives;

namespace Diligence.Web.Reviews;

/// <summary>
/// One step of a review as the page renders it. Field values come from the stored answers, or, when a post failed,
/// from exactly what the user sent, so nothing they typed is lost.
/// </summary>
public sealed class StepView
{
    private readonly FieldValues _values;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _errors;
    private readonly IReadOnlyDictionary<string, ItemSaveOutcome.Conflict> _conflicts;
    private readonly IReadOnlyDictionary<string, int> _versions;
    private readonly string? _addEntryTo;

    public StepView(
        ReviewState state,
        Step step,
        bool readOnly,
        FieldValues? posted = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? errors = null,
        IReadOnlyDictionary<string, ItemSaveOutcome.Conflict>? conflicts = null,
        IReadOnlyDictionary<string, int>? versions = null,
        string? addEntryTo = null)
    {
        State = state;
        Step = step;
        ReadOnly = readOnly;
        _values = posted ?? FromAnswers(state, step);
        _errors = errors ?? new Dictionary<string, IReadOnlyList<string>>();
        _conflicts = conflicts ?? new Dictionary<string, ItemSaveOutcome.Conflict>();
        _versions = versions ?? new Dictionary<string, int>();
        _addEntryTo = addEntryTo;
        var definition = state.Questionnaire.Definition;
        Steps = definition.Steps
            .Where(s => state.Evaluation.IsStepVisible(s.Id))
            .Select((s, index) =>
            {
                var progress = state.Evaluation.ForStep(s.Id);
                return new StepLink(s.Id, s.Title, index + 1, progress.Answered, progress.Required, s.Id == step.Id);
            })
            .ToList();
    }

    public ReviewState State { get; }

    public Step Step { get; }

    public bool ReadOnly { get; }

    public IReadOnlyList<StepLink> Steps { get; }

    public int ErrorCount => _errors.Count + _conflicts.Count;

    public StepLink? Next => Steps.SkipWhile(s => !s.Current).Skip(1).FirstOrDefault();

    public StepLink? Previous => Steps.TakeWhile(s => !s.Current).LastOrDefault();

    public bool IsVisible(string id) => State.Evaluation.IsVisible(id);

    public ItemView For(AnswerableItem item)
    {
        var evaluation = State.Evaluation;
        var entries = item is RepeatItem ? Math.Max(_values.EntryCount(item.Id), 0) : 0;
        if (item is RepeatItem && (item.Id == _addEntryTo || entries == 0))
        {
            entries++;
        }
        return new ItemView(
            item,
            FieldNames.Value(item.Id),
            _values,
            evaluation.IsVisible(item.Id),
            evaluation.IsRequired(item.Id),
            _versions.TryGetValue(item.Id, out var version) ? version : State.VersionOf(item.Key),
            _errors.TryGetValue(item.Id, out var errors) ? errors : [],
            _conflicts.GetValueOrDefault(item.Id),
            ReadOnly,
            item is MatrixItem matrix ? ColumnsOf(matrix) : [],
            entries,
            evaluation.Findings.FirstOrDefault(f => f.ItemKey == item.Key && f.Ask is not null)?.Ask);
    }

    /// <summary>
    /// Columns taken from a choice item show the options chosen there, plus any column that already holds an answer,
    /// so narrowing the choice never hides what was written.
    /// </summary>
    private IReadOnlyList<MatrixColumn> ColumnsOf(MatrixItem matrix)
    {
        if (matrix.ColumnsFrom is null
            || State.Questionnaire.Definition.FindItem(matrix.ColumnsFrom) is not AnswerableItem source
            || State.Sheet[source.Key]?.Value is not ChoicesValue { OptionIds.Count: > 0 } chosen)
        {
            return matrix.Columns;
        }
        return matrix.Columns
            .Where(c => chosen.OptionIds.Contains(c.Id)
                || matrix.Rows.Any(r => !string.IsNullOrEmpty(_values.One(FieldNames.Cell(matrix.Id, r.Id, c.Id)))))
            .ToList();
    }

    private static FieldValues FromAnswers(ReviewState state, Step step)
    {
        var fields = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        foreach (var item in AnswerableItemsOf(step.Items))
        {
            AnswerFields.Write(item, state.Sheet[item.Key], fields);
        }
        return new FieldValues(fields);
    }

    /// <summary>The answerable items of a step in document order, through groups.</summary>
    public static IEnumerable<AnswerableItem> AnswerableItemsOf(IEnumerable<Item> items)
    {
        foreach (var item in items)
        {
            if (item is Group group)
            {
                foreach (var inner in AnswerableItemsOf(group.Items))
                {
                    yield return inner;
                }
            }
            else if (item is AnswerableItem answerable)
            {
                yield return answerable;
            }
        }
    }
}
