using Diligence.Data;
using Diligence.Web.Audit;

namespace Diligence.Web.Accounts;

/// <summary>Every user with their role and vendor binding, for periodic access reviews.</summary>
public sealed class AccessReviewQuery(IUserStore users, IVendorStore vendors)
{
    public static readonly IReadOnlyList<string> Header =
        ["user_id", "name", "email", "role", "vendor_id", "vendor", "disabled", "created_at"];

    public async Task<IReadOnlyList<AccessReviewRow>> ListAsync(CancellationToken ct)
    {
        var vendorNames = (await vendors.ListAsync(ct)).ToDictionary(v => v.Id, v => v.Name);
        return (await users.ListAsync(ct))
            .Select(u => new AccessReviewRow(
                u.Id, u.DisplayName, u.Email, u.Role.ToString(), u.VendorId,
                u.VendorId is { } v ? vendorNames.GetValueOrDefault(v) : null, u.Disabled, u.CreatedAt))
            .ToList();
    }

    public static string CsvLine(AccessReviewRow row) => Csv.Line(
    [
        row.UserId.ToString(), row.DisplayName, row.Email, row.Role, row.VendorId?.ToString(), row.VendorName,
        row.Disabled ? "true" : "false",
        AuditExport.Time(row.CreatedAt),
    ]);
}
