using Diligence.Reports;
using Microsoft.Extensions.Options;

namespace Diligence.Web.Exports;

/// <summary>Whether this node can render PDFs: Chromium is where the settings say (or on the system path).</summary>
public sealed class ChromiumHealth(IOptions<ReportsOptions> options)
{
    /// <summary>Null when Chromium is found; otherwise what is wrong, naming the <c>chromium</c> package.</summary>
    public string? Problem()
    {
        try
        {
            ChromiumLocator.Locate(options.Value.ChromiumPath);
            return null;
        }
        catch (ChromiumNotFoundException e)
        {
            return e.Message;
        }
    }
}
