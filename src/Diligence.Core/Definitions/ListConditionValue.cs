namespace Diligence.Core.Definitions;

public sealed record ListConditionValue(IReadOnlyList<string> Items) : ConditionValue
{
    public bool Equals(ListConditionValue? other) => other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in Items)
            hash.Add(item);
        return hash.ToHashCode();
    }
}
