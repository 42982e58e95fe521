namespace Diligence.Core.Answers;

/// <summary>Content equality for id → value maps, independent of insertion order.</summary>
internal static class ValueMaps
{
    public static bool Equal(IReadOnlyDictionary<string, AnswerValue> left, IReadOnlyDictionary<string, AnswerValue> right) =>
        left.Count == right.Count
        && left.All(pair => right.TryGetValue(pair.Key, out var value) && pair.Value.Equals(value));

    public static int Hash(IReadOnlyDictionary<string, AnswerValue> map)
    {
        var hash = 0;
        foreach (var pair in map)
            hash ^= HashCode.Combine(pair.Key, pair.Value);
        return hash;
    }
}
