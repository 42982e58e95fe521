using System.Globalization;
using Diligence.Core.Vendors;

namespace Diligence.Data.Sqlite;

internal sealed class LibraryStatusRow
{
    public Guid VendorId { get; init; }

    public string? QuestionnaireId { get; init; }

    public string? QuestionnaireVersion { get; init; }

    public string? AsOf { get; init; }

    public Guid? SubmittedBy { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    public LibraryStatus ToStatus() => new(
        VendorId, QuestionnaireId, QuestionnaireVersion,
        AsOf is null ? null : DateOnly.ParseExact(AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        SubmittedBy, SubmittedAt);
}
