using Diligence.Reports;
using Microsoft.Extensions.Options;

namespace Diligence.Web.Exports;

/// <summary>At start-up: the templates folder exists and its templates parse, so an export never fails on a typo.</summary>
public sealed class ReportsOptionsValidation : IValidateOptions<ReportsOptions>
{
    public ValidateOptionsResult Validate(string? name, ReportsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            WriteUpRenderer.Load(TemplateFolder.Locate(options.TemplatesPath));
            return ValidateOptionsResult.Success;
        }
        catch (DirectoryNotFoundException e)
        {
            return ValidateOptionsResult.Fail($"{ReportsOptions.Section}:TemplatesPath: {e.Message}");
        }
        catch (WriteUpTemplateException e)
        {
            return ValidateOptionsResult.Fail($"{ReportsOptions.Section}:TemplatesPath: {e.File}:{e.Line}:{e.Column}: {e.Problem}");
        }
    }
}
