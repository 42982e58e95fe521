namespace Diligence.Core.Definitions;

/// <summary>The spelling of <see cref="ItemType"/> values in questionnaire files.</summary>
public static class ItemTypeNames
{
    public static IReadOnlyList<string> All { get; } =
    [
        "yes-no-na", "single-choice", "multi-choice", "text", "markdown", "number", "date", "url", "matrix", "repeat",
        "evidence", "display", "group",
    ];

    public static string ToName(ItemType type) => All[(int)type];

    public static bool TryParse(string name, out ItemType type)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i] == name)
            {
                type = (ItemType)i;
                return true;
            }
        }
        type = default;
        return false;
    }
}
