using Diligence.Core.Reviews;

namespace Diligence.Web.Reviews;

/// <summary>What happened to one item's answer when the user saved it.</summary>
public abstract record ItemSaveOutcome
{
    private ItemSaveOutcome()
    {
    }

    /// <summary>Stored (or the same value was already stored); Version is what the next save must send.</summary>
    public sealed record Saved(int Version, bool Changed) : ItemSaveOutcome;

    /// <summary>Nothing stored: the messages go beside the field, and the user's input stays in it.</summary>
    public sealed record Invalid(IReadOnlyList<string> Errors) : ItemSaveOutcome;

    /// <summary>Someone saved this answer since the user loaded it; nothing was overwritten.</summary>
    public sealed record Conflict(StoredAnswer? Current, int CurrentVersion, string Author, string CurrentText) : ItemSaveOutcome;

    /// <summary>The review is decided and read-only.</summary>
    public sealed record Locked : ItemSaveOutcome;
}
