using Microsoft.AspNetCore.Diagnostics;

namespace Diligence.Web.Hosting;

/// <summary>
/// Refuses a posted form whose text cannot be stored as typed: a control character (NUL and the rest of C0, DEL) or bytes
/// that were not UTF-8 (read as U+FFFD). The refusal is a 400 with one clear sentence (problem details for scripts, the
/// error page for browsers, whose back button keeps what was typed) before any handler sees the values, so nothing of it
/// is stored. Runs after authorization, so nobody unauthorized gets a form read at all.
/// </summary>
public static class FormTextCheck
{
    public const string Refusal =
        "The form could not be saved: a field holds a control character (such as NUL) or text that is not valid UTF-8. " +
        "Nothing was saved. Go back, remove it and submit again.";

    private const string RefusedKey = "Diligence.FormTextRefused";

    public static IApplicationBuilder UseFormTextCheck(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!await IsStorableAsync(context))
            {
                context.Items[RefusedKey] = true;
                await RefuseAsync(context);
                return;
            }
            await next();
        });

    /// <summary>True when this request (or the one the error page is re-executing) was refused by this check.</summary>
    public static bool IsRefused(HttpContext context) => context.Items.ContainsKey(RefusedKey);

    private static async Task<bool> IsStorableAsync(HttpContext context)
    {
        var request = context.Request;
        // The error page re-executes a refused request: it must be able to answer it.
        if (!request.HasFormContentType || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            return true;
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(context.RequestAborted);
        }
        catch (InvalidDataException)
        {
            // The form reader itself refuses a NUL.
            return false;
        }
        foreach (var (key, values) in form)
        {
            if (!IsStorable(key) || values.Any(v => v is not null && !IsStorable(v)))
            {
                return false;
            }
        }
        return form.Files.All(f => IsStorable(f.Name) && IsStorable(f.FileName));
    }

    private static bool IsStorable(string text)
    {
        foreach (var c in text)
        {
            // U+FFFD is what the UTF-8 decoder puts where the bytes were not UTF-8 (a lone surrogate included).
            if ((c < ' ' && c is not ('\t' or '\n' or '\r')) || c == '\u007f' || c == '\ufffd')
            {
                return false;
            }
        }
        return true;
    }

    private static async Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        if (ApiCallers.WantProblemDetails(context, context.GetEndpoint()))
        {
            await Results.Problem(title: Refusal, statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
        }
        // A browser gets the error page, re-executed by the status-code pages with this request's refusal.
    }
}
