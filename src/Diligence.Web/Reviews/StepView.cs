using Diligence.Core.Answers;
using Diligence.Core.Definitions;
using Diligence.Core.Evaluation;
using Microsoft.Extensions.Primitives;

namespace Diligence.Web.Reviews;

/// <summary>
/// One step of a review or of a vendor's library as the page renders it; a vendor sees only the items for vendors. Field values come from the stored answers, or, when a post failed,
/// from exactly what the user sent, so nothing they typed is lost.
/// </summary>
public sealed class StepView
{
    private readonly FieldValues _values;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _errors;
    private readonly IReadOnlyDictionary<string, ItemSaveOutcome.Conflict> _conflicts;
    private readonly IReadOnlyDictionary<string, int> _versions;
    private readonly string? _addEntryTo;
    private readonly int? _entriesShown;
    private readonly RemovedEntry? _removed;
    private readonly Audience _audience;

    public StepView(
        IAnswerSet state,
        Step step,
        bool readOnly,
        FieldValues? posted = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? errors = null,
        IReadOnlyDictionary<string, ItemSaveOutcome.Conflict>? conflicts = null,
        IReadOnlyDictionary<string, int>? versions = null,
        string? addEntryTo = null,
        Audience audience = Audience.Reviewer,
        int? entriesShown = null,
        RemovedEntry? removed = null)
    {
        State = state;
        _audience = audience;
        Step = step;
        ReadOnly = readOnly;
        _values = posted ?? FromAnswers(state, step);
        _errors = errors ?? new Dictionary<string, IReadOnlyList<string>>();
        _conflicts = conflicts ?? new Dictionary<string, ItemSaveOutcome.Conflict>();
        _versions = versions ?? new Dictionary<string, int>();
        _addEntryTo = addEntryTo;
        _entriesShown = entriesShown;
        _removed = removed;
        var definition = state.Questionnaire.Definition;
        Steps = VisibleSteps(state, audience)
            .Select((s, index) =>
            {
                var progress = ProgressOf(state, s, audience);
                return new StepLink(s.Id, s.Title, index + 1, progress.Answered, progress.Required, s.Id == step.Id);
            })
            .ToList();
    }

    /// <summary>No page shows more repeat entries than a form may post.</summary>
    public const int MaxEntriesShown = 1000;

    public IAnswerSet State { get; }

    public Step Step { get; }

    public bool ReadOnly { get; }

    public IReadOnlyList<StepLink> Steps { get; }

    public int ErrorCount => _errors.Count + _conflicts.Count;

    /// <summary>What the error summary lists, in the step's order: each message, linking to its item's control.</summary>
    public IReadOnlyList<Pages.Shared.ErrorLink> Problems =>
        AnswerableItemsOf(Step.Items)
            .SelectMany(item =>
            {
                var id = FieldNames.ElementId(FieldNames.Value(item.Id));
                var errors = _errors.TryGetValue(item.Id, out var messages) ? messages : [];
                var conflict = _conflicts.TryGetValue(item.Id, out var c)
                    ? [$"{c.Author} changed this answer while you were editing it; yours was not saved."]
                    : Array.Empty<string>();
                return errors.Concat(conflict).Select(message => new Pages.Shared.ErrorLink(id, message));
            })
            .ToList();

    public StepLink? Next => Steps.SkipWhile(s => !s.Current).Skip(1).FirstOrDefault();

    public StepLink? Previous => Steps.TakeWhile(s => !s.Current).LastOrDefault();

    public bool IsVisible(string id) => State.Evaluation.IsVisible(id);

    /// <summary>Whether this audience sees the item at all: a group when it holds an item it sees.</summary>
    public bool Includes(Item item) => Includes(item, _audience);

    /// <summary>The visible steps that hold something for <paramref name="audience"/>.</summary>
    public static IEnumerable<Step> VisibleSteps(IAnswerSet state, Audience audience) =>
        state.Questionnaire.Definition.Steps
            .Where(s => state.Evaluation.IsStepVisible(s.Id) && AnswerableItemsOf(s.Items).Any(i => Includes(i, audience)));

    /// <summary>Required answers given, over the items this audience answers.</summary>
    public static Core.Evaluation.Progress ProgressOf(IAnswerSet state, Step step, Audience audience)
    {
        if (audience.HasFlag(Audience.Reviewer))
        {
            return state.Evaluation.ForStep(step.Id);
        }
        var required = AnswerableItemsOf(step.Items).Where(i => Includes(i, audience) && state.Evaluation.IsRequired(i.Id)).ToList();
        return new Core.Evaluation.Progress(required.Count(i => state.Evaluation.IsAnswered(i.Id)), required.Count);
    }

    private static bool Includes(Item item, Audience audience) => item switch
    {
        AnswerableItem answerable => (answerable.Audience & audience) != 0,
        Group group => AnswerableItemsOf(group.Items).Any(i => Includes(i, audience)),
        _ => true,
    };

    public ItemView For(AnswerableItem item)
    {
        var evaluation = State.Evaluation;
        // An empty list shows one blank entry. Add shows one more than the page had (its blank entries are not
        // stored), or than is stored when the page's count is not known.
        var entries = item is RepeatItem ? Math.Max(_values.EntryCount(item.Id), 1) : 0;
        if (item is RepeatItem && item.Id == _addEntryTo)
        {
            entries = Math.Clamp(_entriesShown ?? entries + 1, entries, MaxEntriesShown);
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
            AskOf(State, item),
            State.Provenance.GetValueOrDefault(item.Key),
            FindingsOf(State, item, _audience),
            _removed?.ItemId == item.Id ? _removed : null);
    }

    /// <summary>What a finding the item's answer raises asks the answer to explain (a compensating control), if any.</summary>
    public static string? AskOf(IAnswerSet state, AnswerableItem item) =>
        state.Evaluation.Findings.FirstOrDefault(f => f.ItemKey == item.Key && f.Ask is not null)?.Ask;

    /// <summary>The findings this item's answer raises, for reviewers: a vendor answering its library is not shown them.</summary>
    public static IReadOnlyList<RaisedFinding> FindingsOf(IAnswerSet state, AnswerableItem item, Audience audience) =>
        audience.HasFlag(Audience.Reviewer) ? [.. state.Evaluation.Findings.Where(f => f.ItemKey == item.Key)] : [];

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

    private static FieldValues FromAnswers(IAnswerSet state, Step step)
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
