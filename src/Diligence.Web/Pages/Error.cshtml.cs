using System.Diagnostics;
using System.Globalization;
using Diligence.Web.Accounts;
using Diligence.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diligence.Web.Pages;

/// <summary>Every error ends here: a plain message and a reference, never a stack trace.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public const string TooLarge = "The request is larger than the 1 MB this app accepts. Nothing was saved; upload a smaller file.";

    public string Title { get; private set; } = ProblemDetailsExceptionHandler.Title;
    public string Message { get; private set; } = ProblemDetailsExceptionHandler.Detail;
    public string? RequestId { get; private set; }

    public void OnGet() => Describe();

    public void OnPost() => Describe();

    private void Describe()
    {
        // The code comes from the route, not from model binding: binding would read the re-executed request's form, which
        // may be the very form that could not be read.
        int? code = RouteData.Values["code"] is string raw && int.TryParse(raw, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        (Title, Message) = code switch
        {
            404 => ("Not found", "There is nothing here, or you do not have access to it."),
            403 => ("Not allowed", "Your role does not allow this."),
            400 when FormTextCheck.IsRefused(HttpContext) => ("Bad request", FormTextCheck.Refusal),
            400 => ("Bad request", "The request could not be understood. If you were submitting a form, reload the page and try again."),
            413 => ("Too large", TooLarge),
            429 => ("Too many attempts", FailedAttemptLimit.Refusal),
            _ => (Title, Message),
        };
        Response.StatusCode = code ?? StatusCodes.Status500InternalServerError;
    }
}
