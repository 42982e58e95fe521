using System.Globalization;
using Diligence.Core.Answers;
using Diligence.Core.Yaml;

namespace Diligence.Core.Definitions;

/// <summary>
/// Reads a questionnaire's node tree into the model, reporting every structural problem: missing and unknown
/// fields, wrong YAML types, bad ids, keys and enums, duplicates. It goes on past problems, building what it can.
/// </summary>
internal sealed class QuestionnaireReader
{
    private static readonly string[] _rootFields = ["id", "version", "title", "status", "description", "steps", "findings"];
    private static readonly string[] _stepFields = ["id", "title", "intro", "visibleWhen", "items"];
    private static readonly string[] _findingFields = ["id", "when", "severity", "finding", "ask"];
    private static readonly string[] _flagFields = ["severity", "finding", "ask"];
    private static readonly string[] _optionFields = ["id", "label", "score", "flag", "exclusive"];
    private static readonly string[] _labelledFields = ["id", "label"];
    private static readonly string[] _cellFields = ["type", "options"];
    private static readonly string[] _columnsFromFields = ["from"];
    private static readonly string[] _severities = ["critical", "high", "medium", "low", "info"];
    private static readonly string[] _notInRepeat = ["matrix", "repeat", "group", "display"];

    private static readonly string[] _answerableFields =
        ["id", "key", "type", "prompt", "help", "required", "requiredWhen", "visibleWhen", "audience", "mappings"];

    private static readonly Dictionary<ItemType, string[]> _fieldsByType = new()
    {
        [ItemType.YesNoNa] = [.. _answerableFields, "justification", "flags"],
        [ItemType.SingleChoice] = [.. _answerableFields, "options", "allowOther"],
        [ItemType.MultiChoice] = [.. _answerableFields, "options", "allowOther", "min", "max"],
        [ItemType.Text] = [.. _answerableFields, "multiline", "maxLength", "pattern"],
        [ItemType.Markdown] = [.. _answerableFields, "maxLength"],
        [ItemType.Number] = [.. _answerableFields, "min", "max", "integer", "unit"],
        [ItemType.Date] = [.. _answerableFields, "min", "max"],
        [ItemType.Url] = _answerableFields,
        [ItemType.Matrix] = [.. _answerableFields, "rows", "columns", "cell"],
        [ItemType.Repeat] = [.. _answerableFields, "items", "min", "max", "entryLabel"],
        [ItemType.Evidence] = _answerableFields,
        [ItemType.Display] = ["id", "type", "text", "visibleWhen"],
        [ItemType.Group] = ["id", "type", "title", "visibleWhen", "items"],
    };

    private readonly DiagnosticBag _bag;
    private readonly ConditionReader _conditions;
    private readonly Dictionary<string, Node> _itemIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Node> _itemKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Node> _stepIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Node> _findingIds = new(StringComparer.Ordinal);

    public QuestionnaireReader(DiagnosticBag bag)
    {
        _bag = bag;
        _conditions = new ConditionReader(bag);
    }

    /// <summary>Ids of items that could not be read (e.g. of an unknown type), so references to them are not reported again.</summary>
    public HashSet<string> UnreadableItemIds { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<LeafSource> Leaves => _conditions.Leaves;

    /// <summary>Matrix items whose columns come from a choice item, with the <c>from</c> node.</summary>
    public List<KeyValuePair<string, ScalarNode>> ColumnSources { get; } = [];

    /// <summary>Date items bounded by another date item's answer, for the checker to resolve once every item is read.</summary>
    public List<DateItemBoundSource> DateItemBounds { get; } = [];

    public QuestionnaireParts? Read(Node root)
    {
        if (root is not MappingNode mapping)
        {
            _bag.Error(root, $"a questionnaire must be a mapping of fields, not {root.Description}");
            return null;
        }
        var fields = new FieldReader(mapping, _bag, _rootFields);
        var id = ReadId(fields, null) ?? "";
        var versionNode = fields.TextNode("version", required: true);
        if (versionNode is not null && !Identifiers.IsVersion(versionNode.Text))
            _bag.Error(versionNode, $"invalid version '{versionNode.Text}'; expected MAJOR.MINOR.PATCH, e.g. 1.0.0");
        var title = fields.Text("title", required: true) ?? "";
        var status = ReadStatus(fields);
        var description = fields.Text("description");

        var steps = new List<Step>();
        var stepList = fields.List("steps", required: true, nonEmpty: true);
        if (stepList is not null)
        {
            foreach (var stepNode in stepList.Items)
            {
                var step = ReadStep(stepNode, steps.Count);
                if (step is not null)
                    steps.Add(step);
            }
        }
        var findings = new List<RuleFinding>();
        var findingList = fields.List("findings");
        if (findingList is not null)
        {
            foreach (var findingNode in findingList.Items)
            {
                var finding = ReadFinding(findingNode);
                if (finding is not null)
                    findings.Add(finding);
            }
        }
        return new QuestionnaireParts(id, versionNode?.Text ?? "", title, status, description, steps, findings);
    }

    private QuestionnaireStatus ReadStatus(FieldReader fields)
    {
        var node = fields.TextNode("status", required: true);
        switch (node?.Text)
        {
            case null:
                return QuestionnaireStatus.Draft;
            case "draft":
                return QuestionnaireStatus.Draft;
            case "published":
                return QuestionnaireStatus.Published;
            default:
                _bag.Error(node, $"invalid status '{node.Text}'; expected draft or published");
                return QuestionnaireStatus.Draft;
        }
    }

    private string? ReadId(FieldReader fields, Dictionary<string, Node>? unique, string what = "id")
    {
        var node = fields.TextNode("id", required: true);
        if (node is null)
            return null;
        if (!Identifiers.IsId(node.Text))
            _bag.Error(node, $"invalid id '{node.Text}'; use lower-case letters, digits, '-' and '_'");
        else if (unique is not null)
            Register(unique, node, what);
        return node.Text;
    }

    private void Register(Dictionary<string, Node> seen, ScalarNode node, string what)
    {
        if (seen.TryGetValue(node.Text, out var first))
            _bag.Error(node, $"duplicate {what} '{node.Text}' (first defined at {first.Line}:{first.Column})");
        else
            seen[node.Text] = node;
    }

    private Step? ReadStep(Node node, int stepIndex)
    {
        if (node is not MappingNode mapping)
        {
            _bag.Error(node, $"a step must be a mapping, not {node.Description}");
            return null;
        }
        var fields = new FieldReader(mapping, _bag, _stepFields);
        var id = ReadId(fields, _stepIds, "step id") ?? "";
        var title = fields.Text("title", required: true) ?? "";
        var intro = fields.Text("intro");
        var visibleWhen = ReadCondition(fields, "visibleWhen", ConditionUse.VisibleWhen, stepIndex);
        var items = ReadItems(fields, stepIndex, inRepeat: false);
        return new Step { Id = id, Title = title, Intro = intro, VisibleWhen = visibleWhen, Items = items, Line = mapping.Line, Column = mapping.Column };
    }

    private Condition? ReadCondition(FieldReader fields, string name, ConditionUse use, int stepIndex)
    {
        var node = fields.Node(name);
        return node is null ? null : _conditions.Read(node, use, stepIndex);
    }

    private List<Item> ReadItems(FieldReader fields, int stepIndex, bool inRepeat)
    {
        var items = new List<Item>();
        var list = fields.List("items", required: true, nonEmpty: true);
        if (list is null)
            return items;
        foreach (var node in list.Items)
        {
            var item = ReadItem(node, stepIndex, inRepeat);
            if (item is not null)
                items.Add(item);
        }
        return items;
    }

    private Item? ReadItem(Node node, int stepIndex, bool inRepeat)
    {
        if (node is not MappingNode mapping)
        {
            _bag.Error(node, $"an item must be a mapping, not {node.Description}");
            return null;
        }
        var probe = new FieldReader(mapping, _bag, null);
        var id = ReadId(probe, _itemIds, "item id");
        var typeNode = probe.TextNode("type", required: true);
        if (typeNode is null)
            return Unreadable(id);
        if (!ItemTypeNames.TryParse(typeNode.Text, out var type))
        {
            _bag.Error(typeNode, $"unknown item type '{typeNode.Text}'; expected one of: {string.Join(", ", ItemTypeNames.All)}");
            return Unreadable(id);
        }
        if (inRepeat && _notInRepeat.Contains(typeNode.Text))
        {
            _bag.Error(typeNode, $"'{typeNode.Text}' items are not allowed in a repeat");
            return Unreadable(id);
        }
        var fields = new FieldReader(mapping, _bag, _fieldsByType[type]);
        Condition? visibleWhen = null;
        if (inRepeat)
            RejectInRepeat(mapping, "visibleWhen", "requiredWhen");
        else
            visibleWhen = ReadCondition(fields, "visibleWhen", ConditionUse.VisibleWhen, stepIndex);
        id ??= "";

        switch (type)
        {
            case ItemType.Display:
                return new DisplayItem { Id = id, Text = fields.Text("text", required: true) ?? "", VisibleWhen = visibleWhen, Line = mapping.Line, Column = mapping.Column };
            case ItemType.Group:
                var title = fields.Text("title", required: true) ?? "";
                var children = ReadItems(fields, stepIndex, inRepeat: false);
                return new Group { Id = id, Title = title, Items = children, VisibleWhen = visibleWhen, Line = mapping.Line, Column = mapping.Column };
        }

        var keyNode = fields.TextNode("key", required: true);
        if (keyNode is not null)
        {
            if (!Identifiers.IsKey(keyNode.Text))
                _bag.Error(keyNode, $"invalid key '{keyNode.Text}'; use lower-case ids separated by '.'");
            else
                Register(_itemKeys, keyNode, "item key");
        }
        var key = keyNode?.Text ?? "";
        var prompt = fields.Text("prompt", required: true) ?? "";
        AnswerableItem item = type switch
        {
            ItemType.YesNoNa => new YesNoNaItem { Id = id, Key = key, Prompt = prompt, Justification = fields.Bool("justification") ?? false, Flags = ReadYesNoNaFlags(fields) },
            ItemType.SingleChoice => ReadSingleChoice(fields, id, key, prompt),
            ItemType.MultiChoice => ReadMultiChoice(fields, id, key, prompt),
            ItemType.Text => ReadText(fields, id, key, prompt),
            ItemType.Markdown => new MarkdownItem { Id = id, Key = key, Prompt = prompt, MaxLength = ReadMaxLength(fields, AnswerLimits.MarkdownCharacters) },
            ItemType.Number => ReadNumber(fields, id, key, prompt),
            ItemType.Date => ReadDate(fields, id, key, prompt, inRepeat),
            ItemType.Url => new UrlItem { Id = id, Key = key, Prompt = prompt },
            ItemType.Matrix => ReadMatrix(fields, id, key, prompt),
            ItemType.Repeat => ReadRepeat(fields, id, key, prompt, stepIndex),
            _ => new EvidenceItem { Id = id, Key = key, Prompt = prompt },
        };

        var required = fields.Bool("required") ?? false;
        Condition? requiredWhen = null;
        if (!inRepeat)
        {
            requiredWhen = ReadCondition(fields, "requiredWhen", ConditionUse.RequiredWhen, stepIndex);
            if (required && fields.Mapping["requiredWhen"] is { } requiredWhenNode)
                _bag.Error(requiredWhenNode, "use either 'required: true' or 'requiredWhen', not both");
        }
        return item with
        {
            VisibleWhen = visibleWhen,
            Help = fields.Text("help"),
            Required = required,
            RequiredWhen = requiredWhen,
            Audience = ReadAudience(fields),
            Mappings = ReadMappings(fields),
            Line = mapping.Line,
            Column = mapping.Column,
        };
    }

    private Item? Unreadable(string? id)
    {
        if (id is not null)
            UnreadableItemIds.Add(id);
        return null;
    }

    private void RejectInRepeat(MappingNode mapping, params string[] names)
    {
        foreach (var entry in mapping.Entries)
        {
            if (names.Contains(entry.Key.Text))
                _bag.Error(entry.Key, $"'{entry.Key.Text}' is not allowed on a repeat sub-item");
        }
    }

    private Dictionary<string, Flag> ReadYesNoNaFlags(FieldReader fields)
    {
        var flags = new Dictionary<string, Flag>(StringComparer.Ordinal);
        var mapping = fields.Map("flags");
        if (mapping is null)
            return flags;
        foreach (var entry in mapping.Entries)
        {
            if (!YesNoNaItem.IsAnswerId(entry.Key.Text))
            {
                _bag.Error(entry.Key, $"unknown answer '{entry.Key.Text}' in 'flags'; expected yes, no or na");
                continue;
            }
            var flag = ReadFlag(entry.Value);
            if (flag is not null)
                flags[entry.Key.Text] = flag;
        }
        return flags;
    }

    private Flag? ReadFlag(Node node)
    {
        if (node is not MappingNode mapping)
        {
            _bag.Error(node, $"a flag must be a mapping with severity and finding, not {node.Description}");
            return null;
        }
        var fields = new FieldReader(mapping, _bag, _flagFields);
        var severity = ReadSeverity(fields);
        var finding = fields.Text("finding", required: true);
        var ask = fields.Text("ask");
        return severity is null || finding is null
            ? null
            : new Flag { Severity = severity.Value, Finding = finding, Ask = ask, Line = mapping.Line, Column = mapping.Column };
    }

    private FindingSeverity? ReadSeverity(FieldReader fields)
    {
        var node = fields.TextNode("severity", required: true);
        if (node is null)
            return null;
        var index = Array.IndexOf(_severities, node.Text);
        if (index >= 0)
            return (FindingSeverity)index;
        _bag.Error(node, $"invalid severity '{node.Text}'; expected one of: {string.Join(", ", _severities)}");
        return null;
    }

    private SingleChoiceItem ReadSingleChoice(FieldReader fields, string id, string key, string prompt)
    {
        var allowOther = fields.Bool("allowOther") ?? false;
        return new SingleChoiceItem { Id = id, Key = key, Prompt = prompt, AllowOther = allowOther, Options = ReadOptions(fields, allowOther, multi: false) };
    }

    private MultiChoiceItem ReadMultiChoice(FieldReader fields, string id, string key, string prompt)
    {
        var allowOther = fields.Bool("allowOther") ?? false;
        var (min, max) = ReadCountRange(fields);
        return new MultiChoiceItem { Id = id, Key = key, Prompt = prompt, AllowOther = allowOther, Options = ReadOptions(fields, allowOther, multi: true), Min = min, Max = max };
    }

    /// <summary>A questionnaire may lower an answer's length limit (<see cref="AnswerLimits"/>), never raise it.</summary>
    private int? ReadMaxLength(FieldReader fields, int limit)
    {
        var maxLength = fields.WholeNumber("maxLength", 1);
        if (maxLength <= limit)
            return maxLength;
        if (maxLength is not null)
            _bag.Error(fields.Mapping["maxLength"]!, string.Create(CultureInfo.InvariantCulture, $"'maxLength' must be no more than {limit:N0}, the most any answer of this type holds"));
        return null;
    }

    private (int? Min, int? Max) ReadCountRange(FieldReader fields)
    {
        var min = fields.WholeNumber("min", 0);
        var max = fields.WholeNumber("max", 0);
        if (min > max)
            _bag.Error(fields.Mapping["max"]!, "'max' must not be less than 'min'");
        return (min, max);
    }

    private List<Option> ReadOptions(FieldReader fields, bool allowOther, bool multi)
    {
        var options = new List<Option>();
        var list = fields.List("options", required: true, nonEmpty: true);
        if (list is null)
            return options;
        var ids = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var node in list.Items)
        {
            if (node is not MappingNode mapping)
            {
                _bag.Error(node, $"an option must be a mapping with id and label, not {node.Description}");
                continue;
            }
            var optionFields = new FieldReader(mapping, _bag, _optionFields);
            var idNode = optionFields.TextNode("id", required: true);
            if (idNode is not null)
            {
                if (!Identifiers.IsId(idNode.Text))
                    _bag.Error(idNode, $"invalid id '{idNode.Text}'; use lower-case letters, digits, '-' and '_'");
                else if (allowOther && idNode.Text == ChoiceItem.OtherId)
                    _bag.Error(idNode, "option id 'other' is reserved when 'allowOther' is true");
                else
                    Register(ids, idNode, "option id");
            }
            var label = optionFields.Text("label", required: true);
            var score = optionFields.Number("score");
            var flagNode = optionFields.Node("flag");
            var flag = flagNode is null ? null : ReadFlag(flagNode);
            var exclusive = optionFields.Bool("exclusive") ?? false;
            if (exclusive && !multi)
                _bag.Error(mapping["exclusive"]!, "'exclusive' is only allowed on multi-choice options");
            if (idNode is not null && label is not null)
                options.Add(new Option { Id = idNode.Text, Label = label, Score = score, Flag = flag, Exclusive = exclusive, Line = mapping.Line, Column = mapping.Column });
        }
        return options;
    }

    private TextItem ReadText(FieldReader fields, string id, string key, string prompt)
    {
        var patternNode = fields.TextNode("pattern");
        string? pattern = null;
        if (patternNode is not null)
        {
            try
            {
                _ = TextItem.CreatePattern(patternNode.Text);
                pattern = patternNode.Text;
            }
            catch (ArgumentException e)
            {
                _bag.Error(patternNode, $"'pattern' is not a valid regular expression: {e.Message}");
            }
        }
        return new TextItem
        {
            Id = id,
            Key = key,
            Prompt = prompt,
            Multiline = fields.Bool("multiline") ?? false,
            MaxLength = ReadMaxLength(fields, AnswerLimits.TextCharacters),
            Pattern = pattern,
        };
    }

    private NumberItem ReadNumber(FieldReader fields, string id, string key, string prompt)
    {
        var min = fields.Number("min");
        var max = fields.Number("max");
        if (min > max)
            _bag.Error(fields.Mapping["max"]!, "'max' must not be less than 'min'");
        return new NumberItem { Id = id, Key = key, Prompt = prompt, Min = min, Max = max, Integer = fields.Bool("integer") ?? false, Unit = fields.Text("unit") };
    }

    private DateItem ReadDate(FieldReader fields, string id, string key, string prompt, bool inRepeat)
    {
        var (min, minItem) = ReadDateBound(fields, "min", id, inRepeat);
        var (max, maxItem) = ReadDateBound(fields, "max", id, inRepeat);
        return new DateItem { Id = id, Key = key, Prompt = prompt, Min = min, Max = max, MinItem = minItem, MaxItem = maxItem };
    }

    /// <summary>A fixed or relative bound, or (a mapping <c>{ item: id }</c>) another date item's answer.</summary>
    private (DateBound? Bound, string? Item) ReadDateBound(FieldReader fields, string name, string dateItemId, bool inRepeat)
    {
        if (fields.Node(name) is MappingNode mapping)
        {
            var itemNode = new FieldReader(mapping, _bag, ["item"]).TextNode("item", required: true);
            if (itemNode is null)
                return (null, null);
            // An entry of a repeat has no single answer for another item to compare with.
            if (inRepeat)
            {
                _bag.Error(itemNode, $"'{name}: {{ item: … }}' is not allowed on a repeat sub-item");
                return (null, null);
            }
            DateItemBounds.Add(new DateItemBoundSource(dateItemId, name, itemNode));
            return (null, itemNode.Text);
        }
        var node = fields.TextNode(name);
        if (node is null)
            return (null, null);
        if (DateBound.TryParse(node.Text, out var bound))
            return (bound, null);
        _bag.Error(node, $"invalid date or duration '{node.Text}'; expected YYYY-MM-DD, an ISO duration such as -P10Y, or {{ item: <date item id> }}");
        return (null, null);
    }

    private MatrixItem ReadMatrix(FieldReader fields, string id, string key, string prompt)
    {
        var rows = ReadLabelled(fields, "rows", "row id", (rowId, label, node) => new MatrixRow { Id = rowId, Label = label, Line = node.Line, Column = node.Column });
        IReadOnlyList<MatrixColumn> columns = [];
        string? columnsFrom = null;
        switch (fields.Node("columns", required: true))
        {
            case SequenceNode:
                columns = ReadLabelled(fields, "columns", "column id", (columnId, label, node) => new MatrixColumn { Id = columnId, Label = label, Line = node.Line, Column = node.Column });
                break;
            case MappingNode mapping:
                var from = new FieldReader(mapping, _bag, _columnsFromFields).TextNode("from", required: true);
                if (from is not null)
                {
                    columnsFrom = from.Text;
                    ColumnSources.Add(new(id, from));
                }
                break;
            case { } other:
                _bag.Error(other, "'columns' must be a list of columns or { from: <choice item id> }");
                break;
        }
        return new MatrixItem { Id = id, Key = key, Prompt = prompt, Rows = rows, Columns = columns, ColumnsFrom = columnsFrom, Cell = ReadCell(fields) };
    }

    private List<T> ReadLabelled<T>(FieldReader fields, string name, string what, Func<string, string, Node, T> create)
    {
        var result = new List<T>();
        var list = fields.List(name, required: true, nonEmpty: true);
        if (list is null)
            return result;
        var ids = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var node in list.Items)
        {
            if (node is not MappingNode mapping)
            {
                _bag.Error(node, $"each entry of '{name}' must be a mapping with id and label, not {node.Description}");
                continue;
            }
            var entryFields = new FieldReader(mapping, _bag, _labelledFields);
            var idNode = entryFields.TextNode("id", required: true);
            if (idNode is not null)
            {
                if (!Identifiers.IsId(idNode.Text))
                    _bag.Error(idNode, $"invalid id '{idNode.Text}'; use lower-case letters, digits, '-' and '_'");
                else
                    Register(ids, idNode, what);
            }
            var label = entryFields.Text("label", required: true);
            if (idNode is not null && label is not null)
                result.Add(create(idNode.Text, label, mapping));
        }
        return result;
    }

    private MatrixCell ReadCell(FieldReader fields)
    {
        var mapping = fields.Map("cell", required: true);
        if (mapping is null)
            return new MatrixCell { Type = ItemType.Text };
        var cellFields = new FieldReader(mapping, _bag, _cellFields);
        var typeNode = cellFields.TextNode("type", required: true);
        var type = ItemType.Text;
        switch (typeNode?.Text)
        {
            case null or "text":
                break;
            case "yes-no-na":
                type = ItemType.YesNoNa;
                break;
            case "single-choice":
                type = ItemType.SingleChoice;
                break;
            default:
                _bag.Error(typeNode, $"invalid cell type '{typeNode.Text}'; expected text, yes-no-na or single-choice");
                break;
        }
        IReadOnlyList<Option> options = [];
        if (type == ItemType.SingleChoice)
            options = ReadOptions(cellFields, allowOther: false, multi: false);
        else if (mapping["options"] is { } optionsNode && typeNode is not null)
            _bag.Error(optionsNode, "'options' is only allowed with cell type single-choice");
        return new MatrixCell { Type = type, Options = options, Line = mapping.Line, Column = mapping.Column };
    }

    private RepeatItem ReadRepeat(FieldReader fields, string id, string key, string prompt, int stepIndex)
    {
        var items = ReadItems(fields, stepIndex, inRepeat: true).OfType<AnswerableItem>().ToList();
        var (min, max) = ReadCountRange(fields);
        foreach (var (bound, value) in new[] { ("min", min), ("max", max) })
        {
            if (value > AnswerLimits.RepeatEntries)
                _bag.Error(fields.Mapping[bound]!, string.Create(CultureInfo.InvariantCulture, $"'{bound}' must be no more than {AnswerLimits.RepeatEntries}, the most entries any list holds"));
        }
        return new RepeatItem { Id = id, Key = key, Prompt = prompt, Items = items, Min = min, Max = max, EntryLabel = fields.Text("entryLabel") };
    }

    private Audience ReadAudience(FieldReader fields)
    {
        var node = fields.Node("audience");
        if (node is null)
            return Audience.Both;
        if (node is not SequenceNode { Items.Count: > 0 } list)
        {
            _bag.Error(node, "'audience' must be a list: [vendor], [reviewer] or [vendor, reviewer]");
            return Audience.Both;
        }
        var audience = Audience.None;
        foreach (var entry in list.Items)
        {
            var value = entry is ScalarNode scalar ? scalar.Text switch
            {
                "vendor" => Audience.Vendor,
                "reviewer" => Audience.Reviewer,
                _ => Audience.None,
            } : Audience.None;
            if (value == Audience.None)
                _bag.Error(entry, $"invalid audience '{(entry as ScalarNode)?.Text ?? entry.Description}'; expected vendor or reviewer");
            else if ((audience & value) != 0)
                _bag.Error(entry, $"duplicate audience '{((ScalarNode)entry).Text}'");
            audience |= value;
        }
        return audience == Audience.None ? Audience.Both : audience;
    }

    private Mappings ReadMappings(FieldReader fields)
    {
        var mapping = fields.Map("mappings");
        if (mapping is null)
            return Mappings.None;
        var byFramework = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            if (entry.Value is not SequenceNode list || list.Items.Any(i => i is not ScalarNode { IsNull: false }))
            {
                _bag.Error(entry.Value, "'mappings' must map each framework to a list of control ids");
                continue;
            }
            byFramework[entry.Key.Text] = [.. list.Items.Cast<ScalarNode>().Select(s => s.Text)];
        }
        return new Mappings(byFramework);
    }

    private RuleFinding? ReadFinding(Node node)
    {
        if (node is not MappingNode mapping)
        {
            _bag.Error(node, $"a finding must be a mapping, not {node.Description}");
            return null;
        }
        var fields = new FieldReader(mapping, _bag, _findingFields);
        var id = ReadId(fields, _findingIds, "finding id");
        var whenNode = fields.Node("when", required: true);
        var when = whenNode is null ? null : _conditions.Read(whenNode, ConditionUse.RuleFinding, int.MaxValue);
        var severity = ReadSeverity(fields);
        var finding = fields.Text("finding", required: true);
        var ask = fields.Text("ask");
        if (id is null || when is null || severity is null || finding is null)
            return null;
        return new RuleFinding { Id = id, When = when, Severity = severity.Value, Finding = finding, Ask = ask, Line = mapping.Line, Column = mapping.Column };
    }
}
