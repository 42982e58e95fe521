using System.Text.RegularExpressions;

namespace Diligence.Data;

/// <summary>A numbered migration script, e.g. 1, "0001_initial".</summary>
internal sealed partial record Migration(int Id, string Name, string Sql)
{
    /// <summary>
    /// The script split on lines holding only <c>GO</c>: SQL Server runs some statements (CREATE TRIGGER) only first in a
    /// batch, and the driver, unlike sqlcmd, does not split. A script without GO is one batch.
    /// </summary>
    public IReadOnlyList<string> Batches { get; } =
        [.. BatchSeparator().Split(Sql).Where(batch => !string.IsNullOrWhiteSpace(batch))];

    [GeneratedRegex(@"^[ \t]*GO[ \t]*(?:\r?\n|$)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex BatchSeparator();
}
