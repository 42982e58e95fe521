using Microsoft.Extensions.Primitives;

namespace Diligence.Web.Reviews;

/// <summary>The values a form shows: from a stored answer, or, after a failed post, exactly what the user sent.</summary>
public sealed class FieldValues
{
    private readonly IReadOnlyDictionary<string, StringValues> _values;

    public FieldValues(IReadOnlyDictionary<string, StringValues> values) => _values = values;

    public static FieldValues Empty { get; } = new(new Dictionary<string, StringValues>());

    public string? One(string name) => _values.TryGetValue(name, out var value) ? value.FirstOrDefault() : null;

    public IReadOnlyList<string> All(string name) =>
        _values.TryGetValue(name, out var value) ? value.Where(v => v is not null).Select(v => v!).ToList() : [];

    public bool Has(string name, string value) => All(name).Contains(value, StringComparer.Ordinal);

    /// <summary>How many repeat entries the form holds for an item (highest index + 1).</summary>
    public int EntryCount(string itemId)
    {
        var count = 0;
        foreach (var name in _values.Keys)
        {
            if (FieldNames.TryEntryIndex(name, itemId, out var index, out _))
            {
                count = Math.Max(count, index + 1);
            }
        }
        return count;
    }
}
