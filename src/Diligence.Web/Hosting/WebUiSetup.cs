using Microsoft.AspNetCore.Mvc;

namespace Diligence.Web.Hosting;

public static class WebUiSetup
{
    /// <summary>Razor Pages with antiforgery validated on every unsafe request, and small request bodies.</summary>
    public static WebApplicationBuilder AddWebUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(pages =>
        {
            pages.Conventions.ConfigureFilter(new AutoValidateAntiforgeryTokenAttribute());
        });
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "diligence.antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.HttpOnly = true;
            antiforgery.HeaderName = "X-CSRF-TOKEN";
        });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
        });
        builder.AddRequestLimits();
        builder.Services.AddProblemDetails();
        return builder;
    }

    public static WebApplication UseWebUi(this WebApplication app)
    {
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseSecurityHeaders();
        app.UseRequestLimits();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        return app;
    }
}
