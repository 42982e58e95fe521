using System.Globalization;
using Diligence.Core.Reviews;

namespace Diligence.Data.Sqlite;

internal sealed class ProvenanceRow
{
    public Guid ReviewId { get; init; }

    public string Key { get; init; } = "";

    public Guid VendorId { get; init; }

    public string VendorValueJson { get; init; } = "";

    public DateTimeOffset VendorUpdatedAt { get; init; }

    public Guid? ConfirmedBy { get; init; }

    public DateTimeOffset? ConfirmedAt { get; init; }

    public string? VendorAsOf { get; init; }

    public AnswerProvenance ToProvenance() =>
        new(ReviewId, Key, VendorId, VendorValueJson, VendorUpdatedAt, ConfirmedBy, ConfirmedAt,
            VendorAsOf is null ? null : DateOnly.ParseExact(VendorAsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture));
}
