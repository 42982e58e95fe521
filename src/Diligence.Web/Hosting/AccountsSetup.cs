using Diligence.Core.Accounts;
using Diligence.Web.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Diligence.Web.Hosting;

public static class AccountsSetup
{
    /// <summary>Local accounts with cookie sign-in over server-side sessions, the role policies, and a limit on failed sign-ins per client address.</summary>
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AccountOptions>()
            .BindConfiguration(AccountOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddOptions<ServerSessionOptions>()
            .BindConfiguration(ServerSessionOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        builder.Services.AddSingleton<DecoyPasswordHash>();
        builder.Services.AddSingleton<FirstRunSetup>();
        builder.Services.AddSingleton<CommonPasswords>();
        builder.Services.AddSingleton<PasswordPolicy>();
        builder.Services.AddScoped<SignInService>();
        builder.Services.AddSingleton<FailedAttemptLimit>();
        builder.Services.AddScoped<UserAdministration>();
        builder.Services.AddScoped<SessionService>();

        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<AccountOptions>>((cookie, accounts) =>
            {
                cookie.LoginPath = "/account/sign-in";
                cookie.LogoutPath = "/account/sign-out";
                cookie.AccessDeniedPath = "/account/denied";
                cookie.Cookie.Name = "diligence.session";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromMinutes(accounts.Value.SessionMinutes);
                cookie.SlidingExpiration = true;
                // Scripts asking for JSON get a status code, not a redirect to an HTML page they cannot show.
                // The cookie only names a server-side session; each request is checked against it and runs as the user is now.
                cookie.Events.OnValidatePrincipal = context =>
                    context.HttpContext.RequestServices.GetRequiredService<SessionService>().ValidateAsync(context);
                cookie.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
                cookie.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
            });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Admin, p => p.RequireRole(nameof(Role.Admin)))
            .AddPolicy(Policies.Reviewer, p => p.RequireRole(nameof(Role.Admin), nameof(Role.Reviewer)))
            .AddPolicy(Policies.Staff, p => p.RequireRole(nameof(Role.Admin), nameof(Role.Reviewer), nameof(Role.Procurement)))
            .AddPolicy(Policies.Vendor, p => p.RequireRole(nameof(Role.Vendor)).RequireClaim(DiligenceClaimTypes.VendorId));

        return builder;
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }
}
