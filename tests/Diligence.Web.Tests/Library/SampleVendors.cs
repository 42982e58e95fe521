using Diligence.Core.Vendors;
using Diligence.Data;
using Diligence.Web.Tests.Infrastructure;

namespace Diligence.Web.Tests.Library;

/// <summary>The sample vendors the app creates at start-up, with their libraries imported from questionnaires/samples.</summary>
public static class SampleVendors
{
    public const string Questionnaire = "vendor-security-diligence@1.0.0";

    public static async Task<Vendor> FindAsync(this TestApp app, string name) =>
        (await app.Get<IVendorStore>().ListAsync()).Single(v => v.Name == name);
}
