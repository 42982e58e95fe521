using Diligence.Reports;
using Microsoft.Playwright;

namespace Diligence.Web.Exports;

/// <summary>What a user reads when an export fails: the cause in words, and what to do; never a stack trace.</summary>
public static class ExportFailure
{
    public const string ReviewGone = "The review no longer exists, or its questionnaire version is not published here.";

    public const string Unexpected =
        "The write-up could not be produced. Retry; if it fails again, ask an administrator to check the server log.";

    public static string MessageFor(Exception exception) => exception switch
    {
        ChromiumNotFoundException notFound => notFound.Message,
        WriteUpTemplateException template =>
            $"The write-up template has an error ({template.File}:{template.Line}:{template.Column}: {template.Problem}); ask an administrator to fix it, then retry.",
        PlaywrightException or TimeoutException =>
            "Chromium could not print the write-up. Retry; if it fails again, ask an administrator to check the server log.",
        _ => Unexpected,
    };
}
