namespace Diligence.Web.Hosting;

public static class WebUiSetup
{
    /// <summary>Razor Pages with antiforgery validated on every unsafe request, and small request bodies.</summary>
    public static WebApplicationBuilder AddWebUi(this WebApplicationBuilder builder)
    {
        // Razor Pages validate the antiforgery token on every unsafe request by default. A second, convention-wide filter
        // would outrank the error page's [IgnoreAntiforgeryToken], turning a re-executed 404 or 429 on a POST into an empty 400.
        builder.Services.AddRazorPages();
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
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        return builder;
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
