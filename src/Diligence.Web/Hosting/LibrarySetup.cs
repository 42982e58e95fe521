using Diligence.Web.Library;

namespace Diligence.Web.Hosting;

public static class LibrarySetup
{
    /// <summary>Vendor invitations, answer libraries, prefill and import/export.</summary>
    public static WebApplicationBuilder AddLibrary(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LibraryOptions>().BindConfiguration(LibraryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<OrganizationOptions>().BindConfiguration(OrganizationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<ReviewPrefill>();
        builder.Services.AddScoped<InvitationService>();
        builder.Services.AddScoped<LibraryWorkspace>();
        builder.Services.AddScoped<LibraryFiles>();
        builder.Services.AddScoped<VendorRequestService>();
        return builder;
    }
}
