namespace Diligence.Core.Evaluation;

/// <summary>
/// The source id of a finding a flag raises, <c>flag:&lt;item key&gt;:&lt;option id&gt;</c>: made by the evaluator, read back
/// wherever a finding says which question and answer raised it.
/// </summary>
public static class FlagSourceId
{
    private const string Prefix = "flag:";

    public static string For(string itemKey, string optionId) => Prefix + itemKey + ":" + optionId;

    /// <summary>The item key and option id a flag's source id names; false for any other source id.</summary>
    public static bool TryParse(string? sourceId, out string itemKey, out string optionId)
    {
        var separator = sourceId?.LastIndexOf(':') ?? -1;
        if (sourceId is null || !sourceId.StartsWith(Prefix, StringComparison.Ordinal) || separator <= Prefix.Length)
        {
            (itemKey, optionId) = ("", "");
            return false;
        }
        (itemKey, optionId) = (sourceId[Prefix.Length..separator], sourceId[(separator + 1)..]);
        return true;
    }
}
