using Diligence.Core.Accounts;
using Diligence.Data;
using Diligence.Data.Sqlite;
using Microsoft.AspNetCore.Identity;

namespace ExportLoad;

/// <summary>Seeds a fresh data folder with the reviewer who requests the exports, written straight through the store.</summary>
public static class ExportPlan
{
    public const string Email = "exports@example.com";
    public const string Password = "load test password 1234";

    public static async Task<int> PrepareAsync(string dataDirectory)
    {
        using var storage = new SqliteStorage(new StorageOptions { DataDirectory = dataDirectory });
        await storage.Migrations.MigrateAsync();
        var user = new UserAccount(Guid.NewGuid(), Email, "Export Load", "", Role.Reviewer, null, false, DateTimeOffset.UtcNow);
        await storage.Users.CreateAsync(user with { PasswordHash = new PasswordHasher<UserAccount>().HashPassword(user, Password) });
        Console.WriteLine($"prepared reviewer {Email}");
        return 0;
    }
}
