using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Mvc;

namespace Diligence.Web.Hosting;

public static class WebUiSetup
{
    /// <summary>Razor Pages with antiforgery validated on every unsafe request, and small request bodies.</summary>
    public static WebApplicationBuilder AddWebUi(this WebApplicationBuilder builder)
    {
        // Razor Pages validate the antiforgery token on every unsafe request by default. A second, convention-wide filter
        // would outrank the error page's [IgnoreAntiforgeryToken], turning a re-executed 404 or 429 on a POST into an empty 400.
        builder.Services.AddRazorPages();
        // Strict like the session and antiforgery cookies: a notice carried to the next page never rides a cross-site request.
        builder.Services.Configure<CookieTempDataProviderOptions>(tempData => tempData.Cookie.SameSite = SameSiteMode.Strict);
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "diligence.antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.HttpOnly = true;
            // Secure whenever the request came over HTTPS (directly, or through a trusted proxy's X-Forwarded-Proto).
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.HeaderName = "X-CSRF-TOKEN";
        });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
        });
        builder.AddRequestLimits();
        builder.AddForwardedHeaders();
        builder.AddPublicLinks();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        return builder;
    }

    /// <summary>
    /// Links handed to people are built from <c>App:PublicUrl</c>; with it set and no <c>AllowedHosts</c> of its own,
    /// only that host and loopback are answered, so a forged Host header gets a 400.
    /// </summary>
    private static void AddPublicLinks(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AppOptions>().BindConfiguration(AppOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<PublicLinks>();
        if (builder.Configuration["AllowedHosts"] is null
            && Uri.TryCreate(builder.Configuration[$"{AppOptions.Section}:{nameof(AppOptions.PublicUrl)}"], UriKind.Absolute, out var publicUrl))
        {
            builder.Services.PostConfigure<HostFilteringOptions>(hosts =>
                hosts.AllowedHosts = [publicUrl.IdnHost, "localhost", "127.0.0.1", "[::1]"]);
        }
    }

    public static WebApplication UseWebUi(this WebApplication app)
    {
        app.UseTrustedForwardedHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            // Logged even when answered as problem details: an operator needs the stack trace the caller never sees.
            SuppressDiagnosticsCallback = _ => false,
        });
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseProblemDetailsForApiStatusCodes();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseSecurityHeaders();
        app.UseRequestLimits();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRequestLog();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseFormTextCheck();
        app.MapRazorPages();
        return app;
    }
}
