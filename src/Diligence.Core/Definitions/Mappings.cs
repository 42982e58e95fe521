namespace Diligence.Core.Definitions;

/// <summary>Control ids per framework, e.g. soc2 → [CC6.1].</summary>
public sealed class Mappings
{
    public static Mappings None { get; } = new(new Dictionary<string, IReadOnlyList<string>>());

    public Mappings(IReadOnlyDictionary<string, IReadOnlyList<string>> byFramework)
    {
        ArgumentNullException.ThrowIfNull(byFramework);
        ByFramework = byFramework;
    }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> ByFramework { get; }

    public IReadOnlyList<string> this[string framework] =>
        ByFramework.TryGetValue(framework, out var ids) ? ids : [];
}
