using Diligence.Core.Answers;
using Diligence.Core.Definitions;
using Diligence.Core.Evaluation;

namespace Diligence.Core.WriteUp;

/// <summary>
/// Builds the committee write-up of an answer sheet: cover, executive summary, one section per visible step in path
/// order, findings, evidence register, open questions, provenance and sign-off. Pure: no I/O, no clock (the
/// evaluation date is passed in). Built once per questionnaire; immutable, so one instance serves concurrent callers.
/// </summary>
public sealed class WriteUpBuilder
{
    private const string SummaryAnchor = "summary";
    private const string OpenQuestionsAnchor = "open-questions";
    private const string ProvenanceAnchor = "provenance";
    private const string SignOffAnchor = "sign-off";

    private readonly QuestionnaireEvaluator _evaluator;
    private readonly Questionnaire _questionnaire;

    public WriteUpBuilder(Questionnaire questionnaire)
        : this(new QuestionnaireEvaluator(questionnaire))
    {
    }

    public WriteUpBuilder(QuestionnaireEvaluator evaluator)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        _evaluator = evaluator;
        _questionnaire = evaluator.Questionnaire;
    }

    /// <param name="evaluatedOn">The day conditions and expiry call-outs are judged on.</param>
    public WriteUp Build(AnswerSheet answers, DateOnly evaluatedOn, ReviewFacts? facts = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        facts ??= new ReviewFacts();
        var evaluation = _evaluator.Evaluate(answers, evaluatedOn);
        var context = new WriteUpBuildContext(answers, evaluation, evaluatedOn, facts);
        context.Findings = BuildFindings(context);
        context.Certifications = BuildCertifications(context);
        context.Responsibility = BuildResponsibility(context);

        var sections = BuildSections(context);
        var openQuestions = sections.SelectMany(s => s.OpenQuestions).ToList();
        var certifications = context.Certifications;

        var vendor = facts.VendorName ?? answers.VendorName ?? "Unnamed vendor";
        var product = facts.Product ?? answers.Product;
        var reviewTitle = facts.ReviewTitle ?? _questionnaire.Title;
        var cover = new WriteUpCover(
            vendor,
            product,
            reviewTitle,
            facts.ReviewId,
            facts.Status is { } status ? WriteUpText.Status(status) : "Draft",
            facts.Reviewer,
            WriteUpText.Date(facts.PreparedOn ?? evaluatedOn),
            WriteUpText.Date(answers.AsOf),
            facts.Confidentiality);

        var counts = Enum.GetValues<FindingSeverity>()
            .Select(severity => new SeverityCount(
                WriteUpText.SeverityName(severity),
                WriteUpText.Severity(severity),
                context.Findings.FirstOrDefault(g => g.Severity == WriteUpText.SeverityName(severity))?.Findings.Count ?? 0))
            .ToList();
        var summary = new ExecutiveSummary(
            ChoiceLabel(WellKnownKeys.RiskRating, context),
            facts.Recommendation ?? TextAnswer(WellKnownKeys.Recommendation, context),
            counts,
            counts.Sum(c => c.Count),
            certifications,
            ChoiceLabel(WellKnownKeys.ModelChosen, context),
            ChoiceLabels(WellKnownKeys.ModelsOffered, context),
            openQuestions.Count,
            evaluation.Overall.Answered,
            evaluation.Overall.Required);

        var contents = new List<WriteUpHeading> { new(SummaryAnchor, null, "Executive summary") };
        contents.AddRange(sections.Select(s => new WriteUpHeading(s.Anchor, s.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Title)));
        if (openQuestions.Count > 0)
            contents.Add(new WriteUpHeading(OpenQuestionsAnchor, null, "Open questions"));
        contents.Add(new WriteUpHeading(ProvenanceAnchor, null, "Answer provenance"));
        contents.Add(new WriteUpHeading(SignOffAnchor, null, "Sign-off"));

        return new WriteUp
        {
            Title = $"{(product is null ? vendor : $"{vendor} {product}")}: {reviewTitle}",
            Author = facts.Reviewer ?? "Diligence",
            Cover = cover,
            Summary = summary,
            Contents = contents,
            Sections = sections,
            OpenQuestions = openQuestions,
            Provenance = context.ProvenanceRows,
            ReviewerRecommends = ChoiceLabel(WellKnownKeys.Decision, context),
            CommitteeDecision = facts.Decision is { } decision
                ? new WriteUpDecision(WriteUpText.Decision(decision), WriteUpText.Date(facts.DecidedOn), Blank(facts.DecidedBy), facts.DecisionRationale?.Trim() ?? "")
                : null,
            SignOff = new SignOff(
                [new Signatory("Security reviewer", facts.Reviewer), new Signatory("Security committee chair", null), new Signatory("Procurement", null)]),
            QuestionnaireId = _questionnaire.Id,
            QuestionnaireTitle = _questionnaire.Title,
            QuestionnaireVersion = _questionnaire.Version,
            QuestionnaireHash = _questionnaire.ContentHash,
            EvaluatedOn = WriteUpText.Date(evaluatedOn),
        };
    }

    private List<WriteUpSection> BuildSections(WriteUpBuildContext context)
    {
        var findingsHost = _questionnaire.FindItemByKey(WellKnownKeys.Recommendation) is { } recommendation
            ? _questionnaire.FindStepOf(recommendation.Id)?.Id
            : null;
        var evidenceHost = _questionnaire.AllItems.OfType<EvidenceItem>().Select(i => _questionnaire.FindStepOf(i.Id)?.Id).FirstOrDefault(id => id is not null);

        var sections = new List<WriteUpSection>();
        foreach (var step in _questionnaire.Steps)
        {
            if (!context.Evaluation.IsStepVisible(step.Id))
                continue;
            var anchor = $"step-{step.Id}";
            var groups = new List<WriteUpGroup>();
            var direct = new List<WriteUpAnswer>();
            var open = new List<OpenQuestion>();
            var section = new SectionInProgress(step.Title, anchor, open);
            foreach (var item in step.Items)
            {
                if (item is Group group)
                {
                    Flush(groups, null, direct);
                    AddGroup(group, section, context, groups);
                }
                else
                {
                    AddItem(item, section, context, direct);
                }
            }
            Flush(groups, null, direct);

            var hostsFindings = step.Id == findingsHost;
            var hostsEvidence = step.Id == evidenceHost;
            sections.Add(new WriteUpSection
            {
                Anchor = anchor,
                Number = sections.Count + 1,
                Title = step.Title,
                Intro = step.Intro,
                Groups = groups,
                OpenQuestions = open,
                HasFindings = hostsFindings,
                Findings = hostsFindings ? context.Findings : [],
                HasEvidence = hostsEvidence,
                Evidence = hostsEvidence ? context.EvidenceRows : [],
            });
        }

        // A questionnaire without a recommendation step or evidence items still lists what was found and collected.
        if (findingsHost is null)
            sections.Add(new WriteUpSection { Anchor = "findings", Number = sections.Count + 1, Title = "Findings", HasFindings = true, Findings = context.Findings });
        if (evidenceHost is null && context.EvidenceRows.Count > 0)
            sections.Add(new WriteUpSection { Anchor = "evidence", Number = sections.Count + 1, Title = "Evidence register", HasEvidence = true, Evidence = context.EvidenceRows });
        return sections;
    }

    private void AddGroup(Group group, SectionInProgress section, WriteUpBuildContext context, List<WriteUpGroup> groups)
    {
        if (!context.Evaluation.IsVisible(group.Id))
            return;
        var answers = new List<WriteUpAnswer>();
        foreach (var item in group.Items)
        {
            if (item is Group inner)
            {
                Flush(groups, group.Title, answers);
                AddGroup(inner, section, context, groups);
            }
            else
            {
                AddItem(item, section, context, answers);
            }
        }
        Flush(groups, group.Title, answers);
    }

    private static void Flush(List<WriteUpGroup> groups, string? title, List<WriteUpAnswer> answers)
    {
        if (answers.Count == 0)
            return;
        groups.Add(new WriteUpGroup(title, [.. answers]));
        answers.Clear();
    }

    private void AddItem(Item item, SectionInProgress section, WriteUpBuildContext context, List<WriteUpAnswer> answers)
    {
        if (item is not AnswerableItem question || !context.Evaluation.IsVisible(item.Id))
            return;
        var answer = context.Answers[question.Key];
        if (answer is null || answer.Value.IsEmpty)
        {
            if (context.Evaluation.IsRequired(question.Id))
                section.Open.Add(new OpenQuestion(section.Title, section.Anchor, question.Prompt, question.Key));
            return;
        }

        context.AddProvenance(section.Title, question);
        foreach (var reference in answer.Evidence ?? [])
            context.EvidenceRows.Add(EvidenceRowOf(reference.Title, reference, question.Prompt, context.EvaluatedOn));

        // Evidence goes to the register; shared responsibility is one three-column table where its first party stands.
        if (question is EvidenceItem || IsEvidenceList(question))
        {
            AddEvidence(question, answer.Value, context);
            return;
        }
        if (IsResponsibilityParty(question.Key))
        {
            if (context.TakeResponsibility() is { } table)
                answers.Add(Answer(question, answer, context) with { Prompt = "Who owns which obligations?", Kind = "responsibility", Responsibility = table, Note = null });
            return;
        }
        answers.Add(Describe(question, answer, context));
    }

    private WriteUpAnswer Describe(AnswerableItem question, Answer answer, WriteUpBuildContext context)
    {
        var result = Answer(question, answer, context);
        return (question, answer.Value) switch
        {
            (RepeatItem { Key: WellKnownKeys.Certifications }, _) => result with { Kind = "certifications", Certifications = context.Certifications },
            (YesNoNaItem, ChoiceValue choice) => result with { Kind = "text", Text = WriteUpText.YesNoNa(choice.OptionId) },
            (SingleChoiceItem single, ChoiceValue choice) => result with { Kind = "text", Text = OptionLabel(single, choice.OptionId, answer.Other) },
            (MultiChoiceItem multi, ChoicesValue choices) => result with { Kind = "list", Items = [.. choices.OptionIds.Select(id => OptionLabel(multi, id, answer.Other))] },
            (MarkdownItem, TextValue text) => result with { Kind = "markdown", Text = text.Text },
            (TextItem { Multiline: true }, TextValue text) => result with { Kind = "prose", Text = text.Text },
            (NumberItem number, NumberValue value) => result with { Kind = "text", Text = WriteUpText.Number(value.Number, number.Unit) },
            (DateItem, DateValue date) => result with { Kind = "text", Text = WriteUpText.Date(date.Date) },
            (MatrixItem matrix, MatrixValue value) => result with { Kind = "table", Table = MatrixTable(matrix, value, context) },
            (RepeatItem repeat, RepeatValue value) => result with { Kind = "table", Table = RepeatTable(repeat, value) },
            (_, TextValue text) => result with { Kind = "text", Text = text.Text },
            _ => result with { Kind = "text", Text = "" },
        };
    }

    private static WriteUpAnswer Answer(AnswerableItem question, Answer answer, WriteUpBuildContext context) =>
        new()
        {
            Key = question.Key,
            Prompt = question.Prompt,
            Kind = "text",
            Justification = Blank(answer.Justification),
            Explanation = Blank(answer.Explanation),
            Note = Blank(answer.Note),
            AsOf = WriteUpText.Date(answer.AsOf),
            Provenance = context.ProvenanceOf(question.Key) is { } provenance ? WriteUpText.Provenance(provenance) : null,
        };

    /// <summary>Rows × the columns selected in the item the columns come from, plus any column that holds an answer.</summary>
    private WriteUpTable MatrixTable(MatrixItem matrix, MatrixValue value, WriteUpBuildContext context)
    {
        var selected = new HashSet<string>(StringComparer.Ordinal);
        if (matrix.ColumnsFrom is { } from
            && _questionnaire.FindItem(from) is AnswerableItem source
            && context.Evaluation.IsVisible(source.Id)
            && context.Answers[source.Key]?.Value is { } sourceValue)
        {
            switch (sourceValue)
            {
                case ChoicesValue choices:
                    selected.UnionWith(choices.OptionIds);
                    break;
                case ChoiceValue choice:
                    selected.Add(choice.OptionId);
                    break;
            }
        }
        var columns = matrix.Columns
            .Where(c => selected.Contains(c.Id) || value.Rows.Values.Any(cells => cells.TryGetValue(c.Id, out var cell) && !cell.IsEmpty))
            .ToList();
        var rows = matrix.Rows
            .Select(row => new WriteUpTableRow(
                row.Label,
                [.. columns.Select(column => value[row.Id, column.Id] is { IsEmpty: false } cell
                    ? new WriteUpCell(CellText(matrix.Cell, cell))
                    : new WriteUpCell("Not stated", IsMissing: true))]))
            .ToList();
        return new WriteUpTable("Component", [.. columns.Select(c => matrix.ColumnsFrom is null ? c.Label : ShortLabel(c.Label))], rows);
    }

    /// <summary>An option label as a column heading: "Hosted (multi-tenant, vendor-operated)" heads its column as "Hosted".</summary>
    private static string ShortLabel(string label) =>
        label.IndexOf(" (", StringComparison.Ordinal) is > 0 and var at ? label[..at] : label;

    private static string CellText(MatrixCell cell, AnswerValue value) =>
        (cell.Type, value) switch
        {
            (ItemType.YesNoNa, ChoiceValue choice) => WriteUpText.YesNoNa(choice.OptionId),
            (ItemType.SingleChoice, ChoiceValue choice) => cell.Options.FirstOrDefault(o => o.Id == choice.OptionId)?.Label ?? choice.OptionId,
            (_, TextValue text) => text.Text,
            _ => "",
        };

    /// <summary>One row per entry; one column per sub-item that any entry answers.</summary>
    private static WriteUpTable RepeatTable(RepeatItem repeat, RepeatValue value)
    {
        var columns = repeat.Items.Where(sub => value.Entries.Any(e => e.TryGetValue(sub.Id, out var v) && !v.IsEmpty)).ToList();
        var rows = value.Entries
            .Select(entry => new WriteUpTableRow(
                null,
                [.. columns.Select(sub => entry.TryGetValue(sub.Id, out var v) && !v.IsEmpty
                    ? new WriteUpCell(SubItemText(sub, v), IsMarkdown: sub is MarkdownItem)
                    : new WriteUpCell("", IsMissing: true))]))
            .ToList();
        return new WriteUpTable(null, [.. columns.Select(c => c.Prompt)], rows);
    }

    private static string SubItemText(AnswerableItem item, AnswerValue value) =>
        (item, value) switch
        {
            (YesNoNaItem, ChoiceValue choice) => WriteUpText.YesNoNa(choice.OptionId),
            (ChoiceItem choiceItem, ChoiceValue choice) => OptionLabel(choiceItem, choice.OptionId, null),
            (ChoiceItem choiceItem, ChoicesValue choices) => string.Join(", ", choices.OptionIds.Select(id => OptionLabel(choiceItem, id, null))),
            (NumberItem number, NumberValue n) => WriteUpText.Number(n.Number, number.Unit),
            (_, DateValue date) => WriteUpText.Date(date.Date),
            (_, TextValue text) => text.Text,
            (_, EvidenceValue evidence) => evidence.Reference.Title,
            _ => "",
        };

    private static string OptionLabel(ChoiceItem item, string id, string? other) =>
        id == ChoiceItem.OtherId
            ? (string.IsNullOrWhiteSpace(other) ? "Other" : $"Other: {other}")
            : item.FindOption(id)?.Label ?? id;

    private static void AddEvidence(AnswerableItem question, AnswerValue value, WriteUpBuildContext context)
    {
        switch (question, value)
        {
            case (EvidenceItem, EvidenceValue evidence):
                context.EvidenceRows.Add(EvidenceRowOf(question.Prompt, evidence.Reference, null, context.EvaluatedOn));
                break;
            case (RepeatItem repeat, RepeatValue entries):
                var artefact = repeat.EntryLabel ?? repeat.Prompt;
                foreach (var entry in entries.Entries)
                {
                    var supports = repeat.Items
                        .Where(sub => sub is not EvidenceItem && entry.TryGetValue(sub.Id, out var v) && !v.IsEmpty)
                        .Select(sub => SubItemText(sub, entry[sub.Id]))
                        .FirstOrDefault();
                    foreach (var sub in repeat.Items.OfType<EvidenceItem>())
                    {
                        if (entry.TryGetValue(sub.Id, out var v) && v is EvidenceValue evidence)
                            context.EvidenceRows.Add(EvidenceRowOf(artefact, evidence.Reference, supports, context.EvaluatedOn));
                    }
                }
                break;
        }
    }

    private static bool IsEvidenceList(AnswerableItem item) => item is RepeatItem repeat && repeat.Items.Any(i => i is EvidenceItem);

    private static bool IsResponsibilityParty(string key) => WellKnownKeys.ResponsibilityParties.Any(p => p.Key == key);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>
    /// The review's findings when given, else the evaluator's raised findings (status open), by severity. Each says what
    /// raised it: a rule, with the answers it fired on, or a person.
    /// </summary>
    private IReadOnlyList<FindingGroup> BuildFindings(WriteUpBuildContext context)
    {
        var raised = context.Evaluation.Findings.ToDictionary(f => f.SourceId, StringComparer.Ordinal);
        var findings = context.Facts.Findings is { } recorded
            ? recorded.Select(f => (f.Severity, f.SourceId is { } sourceId
                ? Automatic(f.Text, sourceId, raised.GetValueOrDefault(sourceId), f.Owner, f.Status, context)
                : new WriteUpFinding(f.Text, $"Person: {Blank(f.RaisedBy) ?? "name not recorded"}", null, null, Blank(f.Owner), WriteUpText.FindingStatus(f.Status))))
            : context.Evaluation.Findings.Select(f => (f.Severity, Automatic(f.Text, f.SourceId, f, null, Reviews.FindingStatus.Open, context)));
        return [.. findings
            .GroupBy(f => f.Severity)
            .OrderBy(g => g.Key)
            .Select(g => new FindingGroup(WriteUpText.SeverityName(g.Key), WriteUpText.Severity(g.Key), [.. g.Select(f => f.Item2)]))];
    }

    private WriteUpFinding Automatic(
        string text, string sourceId, RaisedFinding? raised, string? owner, Reviews.FindingStatus status, WriteUpBuildContext context) =>
        new(
            text,
            RaisedBy(sourceId, context),
            raised?.Ask,
            raised?.ItemKey is { } key ? Blank(context.Answers[key]?.Explanation) : null,
            Blank(owner),
            WriteUpText.FindingStatus(status));

    /// <summary>
    /// "Rule: “prompt” answered answer" for a flag (<c>flag:key:option</c>); for a questionnaire rule (<c>rule:id</c>), the
    /// same for every question its condition reads, joined by "; ".
    /// </summary>
    private string RaisedBy(string sourceId, WriteUpBuildContext context)
    {
        if (FlagSourceId.TryParse(sourceId, out var key, out var option))
        {
            if (_questionnaire.FindItemByKey(key) is not { } item)
                return $"Rule: {key} answered {option}";
            var answer = item switch
            {
                YesNoNaItem => WriteUpText.YesNoNa(option),
                ChoiceItem choice => OptionLabel(choice, option, null),
                _ => option,
            };
            return $"Rule: “{PromptOf(item)}” answered {answer}";
        }
        var ruleId = sourceId.StartsWith("rule:", StringComparison.Ordinal) ? sourceId[5..] : sourceId;
        if (_questionnaire.Findings.FirstOrDefault(r => r.Id == ruleId) is not { } rule)
            return $"Rule: {ruleId}";
        var read = QuestionsOf(rule.When, context).Distinct(StringComparer.Ordinal).Select(q => AnswerRead(q, context));
        return $"Rule: {string.Join("; ", read)}";
    }

    /// <summary>
    /// The questions a condition reads. Of an <c>any</c>, only the "is (not) answered" tests that hold, when some do: a
    /// missing-answers rule names the missing answers, not every question it checks.
    /// </summary>
    private IEnumerable<string> QuestionsOf(Condition condition, WriteUpBuildContext context) =>
        condition switch
        {
            LeafCondition leaf => [leaf.Question],
            AllCondition all => all.Conditions.SelectMany(c => QuestionsOf(c, context)),
            AnyCondition any => (any.Conditions.Where(c => Holds(c, context) is not false).ToList() is { Count: > 0 } holding ? holding : any.Conditions)
                .SelectMany(c => QuestionsOf(c, context)),
            NotCondition not => not.Conditions.SelectMany(c => QuestionsOf(c, context)),
            _ => [],
        };

    /// <summary>Whether an answered-or-not test holds; null for any other condition, which only the evaluator judges.</summary>
    private bool? Holds(Condition condition, WriteUpBuildContext context) =>
        condition is LeafCondition { Operator: ConditionOperator.Empty or ConditionOperator.NotEmpty } leaf && !leaf.RefersToSubItem
            ? context.Evaluation.IsAnswered(leaf.Question) == (leaf.Operator == ConditionOperator.NotEmpty)
            : null;

    /// <summary>A condition's question (an item id, or <c>repeatId.subItemId</c>) with the answer it read, as a hidden item reads.</summary>
    private string AnswerRead(string question, WriteUpBuildContext context)
    {
        var dot = question.IndexOf('.', StringComparison.Ordinal);
        var item = _questionnaire.FindItem(dot < 0 ? question : question[(dot + 1)..]) as AnswerableItem;
        if (item is null)
            return $"“{question}”";
        IEnumerable<AnswerValue> values = [];
        if (dot >= 0 && _questionnaire.FindItem(question[..dot]) is RepeatItem repeat
            && context.Evaluation.IsVisible(repeat.Id) && context.Answers[repeat.Key]?.Value is RepeatValue entries)
            values = entries.Entries.Select(e => e.GetValueOrDefault(item.Id)).OfType<AnswerValue>();
        else if (dot < 0 && context.Evaluation.IsVisible(item.Id) && context.Answers[item.Key]?.Value is { } value)
            values = [value];
        var texts = values.Where(v => !v.IsEmpty).Select(v => SubItemText(item, v)).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return texts.Count == 0 ? $"“{PromptOf(item)}” not answered" : $"“{PromptOf(item)}” answered {string.Join(", ", texts)}";
    }

    // A repeat sub-item's prompt ("Status") needs its list's name to make sense.
    private string PromptOf(AnswerableItem item) =>
        _questionnaire.FindParentOf(item.Id) is RepeatItem repeat
            ? $"{repeat.EntryLabel ?? repeat.Prompt} {item.Prompt.ToLowerInvariant()}"
            : item.Prompt;

    private IReadOnlyList<CertificationRow> BuildCertifications(WriteUpBuildContext context)
    {
        if (VisibleAnswer(WellKnownKeys.Certifications, context) is not ({ } item, { Value: RepeatValue value }) || item is not RepeatItem repeat)
            return [];
        string? Text(IReadOnlyDictionary<string, AnswerValue> entry, string suffix) =>
            repeat.Items.FirstOrDefault(i => i.Key == $"{WellKnownKeys.Certifications}.{suffix}") is { } sub
            && entry.TryGetValue(sub.Id, out var v) && !v.IsEmpty
                ? SubItemText(sub, v)
                : null;
        DateOnly? Date(IReadOnlyDictionary<string, AnswerValue> entry, string suffix) =>
            repeat.Items.FirstOrDefault(i => i.Key == $"{WellKnownKeys.Certifications}.{suffix}") is { } sub
            && entry.TryGetValue(sub.Id, out var v) && v is DateValue date
                ? date.Date
                : null;

        var rows = new List<CertificationRow>();
        foreach (var entry in value.Entries)
        {
            var expiry = Date(entry, "expiry");
            var (state, note) = WriteUpText.Expiry(expiry, context.EvaluatedOn);
            rows.Add(new CertificationRow(
                Text(entry, "framework") ?? "Unnamed framework",
                Text(entry, "type"),
                Text(entry, "status"),
                Text(entry, "scope"),
                Text(entry, "period-end"),
                Text(entry, "auditor"),
                Text(entry, "report-availability"),
                WriteUpText.Date(expiry),
                state,
                note));
        }
        return rows;
    }

    /// <summary>One row per scope the obligations apply to (first mentioned first), one column per party.</summary>
    private ResponsibilityTable? BuildResponsibility(WriteUpBuildContext context)
    {
        var parties = new List<(string Party, List<(string Scope, string Obligation)> Entries)>();
        foreach (var (key, party) in WellKnownKeys.ResponsibilityParties)
        {
            var entries = new List<(string, string)>();
            if (VisibleAnswer(key, context) is ({ } item, { Value: RepeatValue value }) && item is RepeatItem repeat)
            {
                var obligation = repeat.Items.FirstOrDefault(i => i is MarkdownItem or TextItem && !i.Key.EndsWith(".applies-to", StringComparison.Ordinal));
                var scope = repeat.Items.FirstOrDefault(i => i.Key.EndsWith(".applies-to", StringComparison.Ordinal));
                foreach (var entry in value.Entries)
                {
                    if (obligation is null || !entry.TryGetValue(obligation.Id, out var text) || text is not TextValue { IsEmpty: false } obligationText)
                        continue;
                    var scopeText = scope is not null && entry.TryGetValue(scope.Id, out var s) && s is TextValue { IsEmpty: false } scoped
                        ? scoped.Text.Trim()
                        : "All deployment models";
                    entries.Add((scopeText, obligationText.Text));
                }
            }
            parties.Add((party, entries));
        }
        if (parties.All(p => p.Entries.Count == 0))
            return null;
        var scopes = parties.SelectMany(p => p.Entries.Select(e => e.Scope)).Distinct(StringComparer.Ordinal).ToList();
        var rows = scopes
            .Select(scope => new ResponsibilityRow(
                scope,
                [.. parties.Select(p => (IReadOnlyList<string>)[.. p.Entries.Where(e => e.Scope == scope).Select(e => e.Obligation)])]))
            .ToList();
        return new ResponsibilityTable([.. parties.Select(p => p.Party)], rows);
    }

    private static EvidenceRow EvidenceRowOf(string artefact, EvidenceReference reference, string? supports, DateOnly today)
    {
        var (state, note) = WriteUpText.Expiry(reference.Expires, today);
        return new EvidenceRow(
            artefact,
            reference.Title,
            reference.Url ?? reference.Reference,
            WriteUpText.Availability(reference.Availability),
            WriteUpText.Date(reference.Effective),
            WriteUpText.Date(reference.Expires),
            state,
            note,
            supports);
    }

    private string? ChoiceLabel(string key, WriteUpBuildContext context) =>
        VisibleAnswer(key, context) is ({ } item, { Value: ChoiceValue choice } answer) && item is ChoiceItem choiceItem
            ? OptionLabel(choiceItem, choice.OptionId, answer.Other)
            : null;

    private IReadOnlyList<string> ChoiceLabels(string key, WriteUpBuildContext context) =>
        VisibleAnswer(key, context) is ({ } item, { Value: ChoicesValue choices } answer) && item is ChoiceItem choiceItem
            ? [.. choices.OptionIds.Select(id => OptionLabel(choiceItem, id, answer.Other))]
            : [];

    private string? TextAnswer(string key, WriteUpBuildContext context) =>
        VisibleAnswer(key, context) is (_, { Value: TextValue text }) ? Blank(text.Text) : null;

    private (AnswerableItem? Item, Answer? Answer) VisibleAnswer(string key, WriteUpBuildContext context) =>
        _questionnaire.FindItemByKey(key) is { } item
        && _questionnaire.FindParentOf(item.Id) is not RepeatItem
        && context.Evaluation.IsVisible(item.Id)
        && context.Answers[key] is { Value.IsEmpty: false } answer
            ? (item, answer)
            : (null, null);
}
