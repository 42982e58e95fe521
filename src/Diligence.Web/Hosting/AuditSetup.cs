using Diligence.Web.Accounts;
using Diligence.Web.Audit;
using Microsoft.Extensions.Options;

namespace Diligence.Web.Hosting;

public static class AuditSetup
{
    /// <summary>The audit trail every mutating service writes to, its key, retention and anchors, and the access review.</summary>
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuditOptions>()
            .BindConfiguration(AuditOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AuditOptions>, AuditKeyValidation>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<IAuditTrail, AuditTrail>();
        builder.Services.AddScoped<AccessReviewQuery>();
        builder.Services.AddScoped<AuditResourceNames>();
        builder.Services.AddHostedService<AuditRetention>();
        builder.Services.AddHostedService<AuditAnchoring>();
        return builder;
    }
}
