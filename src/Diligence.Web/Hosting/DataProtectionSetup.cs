using Diligence.Data;
using Microsoft.AspNetCore.DataProtection;

namespace Diligence.Web.Hosting;

public static class DataProtectionSetup
{
    /// <summary>
    /// Keys that sign cookies and antiforgery tokens live beside the database, so a restart does not sign everyone out.
    /// </summary>
    public static WebApplicationBuilder AddKeyStorage(this WebApplicationBuilder builder)
    {
        var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        builder.Services.AddDataProtection()
            .SetApplicationName("Diligence")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(storage.DataDirectory, "keys")));
        return builder;
    }
}
