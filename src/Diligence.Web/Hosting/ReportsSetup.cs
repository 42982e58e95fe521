using Diligence.Reports;
using Diligence.Web.Exports;
using Microsoft.Extensions.Options;

namespace Diligence.Web.Hosting;

public static class ReportsSetup
{
    /// <summary>
    /// The write-up pipeline: templates (checked at start-up), one Chromium per process behind the PDF renderer's page
    /// pool (started on the first export), the exporter, and the Chromium health check.
    /// </summary>
    public static WebApplicationBuilder AddReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReportsOptions>()
            .BindConfiguration(ReportsOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ReportsOptions>, ReportsOptionsValidation>();
        builder.Services.AddSingleton(sp => WriteUpRenderer.Load(
            TemplateFolder.Locate(sp.GetRequiredService<IOptions<ReportsOptions>>().Value.TemplatesPath),
            sp.GetRequiredService<MarkdownRenderer>()));
        builder.Services.AddSingleton(sp => new PdfRenderer(sp.GetRequiredService<IOptions<ReportsOptions>>().Value));
        builder.Services.AddSingleton<WriteUpExporter>();
        builder.Services.AddSingleton<ChromiumHealth>();
        return builder;
    }
}
