using Diligence.Core.Audit;
using Diligence.Data;
using Diligence.Web.Accounts;
using Diligence.Web.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diligence.Web.Pages.Admin.Audit;

[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(IAuditStore store, AuditResourceNames names) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public AuditQuery Query { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Checking the chain reads every event, so it runs when asked for.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Verify { get; set; }

    public AuditPage Events { get; private set; } = new([], 0);

    public IReadOnlyDictionary<(string Type, string Id), ResourceLabel> Resources { get; private set; } =
        new Dictionary<(string, string), ResourceLabel>();

    public AuditVerification? Chain { get; private set; }

    public string? FilterError { get; private set; }

    public int PageCount => (int)Math.Max(1, (Events.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        if (Verify)
        {
            Chain = await store.VerifyAsync(ct);
        }
        if (Query.ToFilter() is not { } filter)
        {
            FilterError = "Enter times as yyyy-MM-dd or an ISO 8601 date and time (UTC).";
            return;
        }
        Events = await store.QueryAsync(filter, (PageNumber - 1) * PageSize, PageSize, ct);
        Resources = await names.ForAsync(Events.Events, ct);
    }

    public string Link(string path, int? page = null)
    {
        var query = new QueryBuilder(Query.ToQueryString()
            .Where(p => !string.IsNullOrWhiteSpace(p.Value))
            .Select(p => new KeyValuePair<string, string>(p.Key, p.Value!)));
        if (page is { } number)
        {
            query.Add("p", number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return path + query.ToQueryString();
    }
}
