using System.Globalization;
using System.Text.Json;
using Diligence.Core.Vendors;

namespace Diligence.Data.Sqlite;

internal sealed class VendorRequestRow
{
    public Guid ReviewId { get; init; }

    public Guid VendorId { get; init; }

    public string KeysJson { get; init; } = "[]";

    public string DueOn { get; init; } = "";

    public DateTimeOffset RequestedAt { get; init; }

    public VendorRequest ToRequest() => new(
        ReviewId, VendorId, JsonSerializer.Deserialize<List<string>>(KeysJson) ?? [],
        DateOnly.ParseExact(DueOn, "yyyy-MM-dd", CultureInfo.InvariantCulture), RequestedAt);
}
