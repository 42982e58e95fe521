using System.Diagnostics;
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
    public string Title { get; private set; } = "Something went wrong";
    public string Message { get; private set; } = "The request could not be completed. Nothing was half-saved; try again.";
    public string? RequestId { get; private set; }

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        (Title, Message) = code switch
        {
            404 => ("Not found", "There is nothing here, or you do not have access to it."),
            403 => ("Not allowed", "Your role does not allow this."),
            400 => ("Bad request", "The request could not be understood. If you were submitting a form, reload the page and try again."),
            429 => ("Too many attempts", "Wait a minute and try again."),
            _ => (Title, Message),
        };
        Response.StatusCode = code ?? StatusCodes.Status500InternalServerError;
    }
}
