namespace Diligence.Data;

/// <summary>A numbered migration script, e.g. 1, "0001_initial".</summary>
internal sealed record Migration(int Id, string Name, string Sql);
