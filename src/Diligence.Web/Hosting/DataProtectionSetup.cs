using Diligence.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Diligence.Web.Hosting;

public static class DataProtectionSetup
{
    /// <summary>
    /// Keys that sign cookies and antiforgery tokens live in the database, so a restart does not sign everyone out.
    /// </summary>
    public static WebApplicationBuilder AddKeyStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddDataProtection().SetApplicationName("Diligence");
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<IDataProtectionKeyStore, TimeProvider>((options, keys, clock) =>
                options.XmlRepository = new DatabaseXmlRepository(keys, clock));
        return builder;
    }
}
