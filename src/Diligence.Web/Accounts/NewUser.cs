using Diligence.Core.Accounts;

namespace Diligence.Web.Accounts;

public sealed record NewUser(string? Email, string? DisplayName, string? Password, Role Role, Guid? VendorId = null);
