namespace Diligence.Core.Answers;

/// <summary>The entries of a repeat, each mapping sub-item id to its value.</summary>
public sealed record RepeatValue(IReadOnlyList<IReadOnlyDictionary<string, AnswerValue>> Entries) : AnswerValue
{
    public override bool IsEmpty => Entries.Count == 0;

    public bool Equals(RepeatValue? other)
    {
        if (other is null || Entries.Count != other.Entries.Count)
            return false;
        for (var i = 0; i < Entries.Count; i++)
        {
            if (!ValueMaps.Equal(Entries[i], other.Entries[i]))
                return false;
        }
        return true;
    }

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var entry in Entries)
            hash.Add(ValueMaps.Hash(entry));
        return hash.ToHashCode();
    }
}
