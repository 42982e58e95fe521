using Diligence.Core.Definitions;
using Diligence.Core.Yaml;

namespace Diligence.Core.Answers;

/// <summary>
/// Reads answer values from an answers file's nodes by item type, reporting wrong shapes, unknown options, rows,
/// columns and sub-items, and invalid dates as "&lt;subject&gt;: &lt;problem&gt;".
/// </summary>
internal sealed class AnswerValueReader(DiagnosticBag bag)
{
    private static readonly string[] _evidenceFields = ["title", "url", "reference", "availability", "effective", "expires"];

    public AnswerValue? Read(AnswerableItem item, Node node, string subject) =>
        item switch
        {
            YesNoNaItem => ReadYesNoNa(node, subject),
            SingleChoiceItem single => ReadChoice(node, subject, single.IsChoice),
            MultiChoiceItem multi => ReadChoices(multi, node, subject),
            TextItem or MarkdownItem or UrlItem => ReadText(node, subject),
            NumberItem => ReadNumber(node, subject),
            DateItem => ReadDateValue(node, subject),
            MatrixItem matrix => ReadMatrix(matrix, node, subject),
            RepeatItem repeat => ReadRepeat(repeat, node, subject),
            EvidenceItem => ReadEvidence(node, subject) is { } evidence ? new EvidenceValue(evidence) : null,
            _ => null,
        };

    public DateOnly? ReadDate(Node node, string subject)
    {
        if (node is not ScalarNode { IsNull: false } scalar)
        {
            bag.Error(node, $"{subject}: expected a date (YYYY-MM-DD)");
            return null;
        }
        if (DateBound.TryParseDate(scalar.Text, out var date))
            return date;
        bag.Error(node, $"{subject}: invalid date '{scalar.Text}'; expected YYYY-MM-DD");
        return null;
    }

    public EvidenceReference? ReadEvidence(Node node, string subject)
    {
        if (node is not MappingNode mapping)
        {
            bag.Error(node, $"{subject}: expected evidence, a mapping with a title");
            return null;
        }
        var fields = new FieldReader(mapping, bag, _evidenceFields);
        var title = fields.Text("title", required: true);
        var url = fields.Text("url");
        var reference = fields.Text("reference");
        EvidenceAvailability? availability = null;
        if (fields.TextNode("availability") is { } availabilityNode)
        {
            if (EvidenceAvailabilityNames.TryParse(availabilityNode.Text, out var parsed))
                availability = parsed;
            else
                bag.Error(availabilityNode, $"{subject}: invalid availability '{availabilityNode.Text}'; expected one of: {string.Join(", ", EvidenceAvailabilityNames.All)}");
        }
        var effective = fields.Node("effective") is { } effectiveNode ? ReadDate(effectiveNode, $"{subject}, effective") : null;
        var expires = fields.Node("expires") is { } expiresNode ? ReadDate(expiresNode, $"{subject}, expires") : null;
        return title is null ? null : new EvidenceReference(title, url, reference, availability, effective, expires);
    }

    private ChoiceValue? ReadYesNoNa(Node node, string subject)
    {
        if (node is ScalarNode { IsNull: false } scalar && YesNoNaItem.IsAnswerId(scalar.Text))
            return new ChoiceValue(scalar.Text);
        bag.Error(node, $"{subject}: expected yes, no or na");
        return null;
    }

    private ChoiceValue? ReadChoice(Node node, string subject, Func<string, bool> isChoice)
    {
        if (node is not ScalarNode { IsNull: false } scalar)
        {
            bag.Error(node, $"{subject}: expected an option id");
            return null;
        }
        if (isChoice(scalar.Text))
            return new ChoiceValue(scalar.Text);
        bag.Error(node, $"{subject}: unknown option '{scalar.Text}'");
        return null;
    }

    private ChoicesValue? ReadChoices(MultiChoiceItem item, Node node, string subject)
    {
        if (node is not SequenceNode list || list.Items.Any(i => i is not ScalarNode { IsNull: false }))
        {
            bag.Error(node, $"{subject}: expected a list of option ids");
            return null;
        }
        var ids = new List<string>();
        var valid = true;
        foreach (var scalar in list.Items.Cast<ScalarNode>())
        {
            if (!item.IsChoice(scalar.Text))
            {
                bag.Error(scalar, $"{subject}: unknown option '{scalar.Text}'");
                valid = false;
            }
            ids.Add(scalar.Text);
        }
        return valid ? new ChoicesValue(ids) : null;
    }

    private TextValue? ReadText(Node node, string subject)
    {
        if (node is ScalarNode scalar)
            return new TextValue(scalar.IsNull ? "" : scalar.Text);
        bag.Error(node, $"{subject}: expected text");
        return null;
    }

    private NumberValue? ReadNumber(Node node, string subject)
    {
        if (FieldReader.TryNumber(node, out var number))
            return new NumberValue(number);
        bag.Error(node, $"{subject}: expected a number");
        return null;
    }

    private DateValue? ReadDateValue(Node node, string subject) =>
        ReadDate(node, subject) is { } date ? new DateValue(date) : null;

    private MatrixValue? ReadMatrix(MatrixItem item, Node node, string subject)
    {
        if (node is not MappingNode rows)
        {
            bag.Error(node, $"{subject}: expected a mapping of rows to columns");
            return null;
        }
        var valid = true;
        var result = new Dictionary<string, IReadOnlyDictionary<string, AnswerValue>>(StringComparer.Ordinal);
        foreach (var (rowKey, rowNode) in rows.Entries)
        {
            if (item.FindRow(rowKey.Text) is null)
            {
                bag.Error(rowKey, $"{subject}: unknown row '{rowKey.Text}'");
                valid = false;
                continue;
            }
            if (rowNode is not MappingNode columns)
            {
                bag.Error(rowNode, $"{subject}, row '{rowKey.Text}': expected a mapping of columns to cells");
                valid = false;
                continue;
            }
            var cells = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
            foreach (var (columnKey, cellNode) in columns.Entries)
            {
                if (item.FindColumn(columnKey.Text) is null)
                {
                    bag.Error(columnKey, $"{subject}: unknown column '{columnKey.Text}'");
                    valid = false;
                    continue;
                }
                var cellSubject = $"{subject}, row '{rowKey.Text}', column '{columnKey.Text}'";
                AnswerValue? cell = item.Cell.Type switch
                {
                    ItemType.YesNoNa => ReadYesNoNa(cellNode, cellSubject),
                    ItemType.SingleChoice => ReadChoice(cellNode, cellSubject, item.Cell.IsChoice),
                    _ => ReadText(cellNode, cellSubject),
                };
                if (cell is null)
                    valid = false;
                else
                    cells[columnKey.Text] = cell;
            }
            result[rowKey.Text] = cells;
        }
        return valid ? new MatrixValue(result) : null;
    }

    private RepeatValue? ReadRepeat(RepeatItem item, Node node, string subject)
    {
        if (node is not SequenceNode list)
        {
            bag.Error(node, $"{subject}: expected a list of entries");
            return null;
        }
        var valid = true;
        var entries = new List<IReadOnlyDictionary<string, AnswerValue>>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            var entrySubject = $"{subject}, entry {i + 1}";
            if (list.Items[i] is not MappingNode mapping)
            {
                bag.Error(list.Items[i], $"{entrySubject}: expected a mapping of sub-item ids to values");
                valid = false;
                continue;
            }
            var entry = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
            foreach (var (subKey, valueNode) in mapping.Entries)
            {
                if (item.FindSubItem(subKey.Text) is not { } subItem)
                {
                    bag.Error(subKey, $"{entrySubject}: unknown sub-item '{subKey.Text}'");
                    valid = false;
                    continue;
                }
                var value = Read(subItem, valueNode, $"{entrySubject}, '{subKey.Text}'");
                if (value is null)
                    valid = false;
                else
                    entry[subKey.Text] = value;
            }
            entries.Add(entry);
        }
        return valid ? new RepeatValue(entries) : null;
    }
}
