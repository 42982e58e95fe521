namespace Diligence.Web.Reviews;

/// <summary>One page of the dashboard: its rows, which page it is (from 1), and how many reviews match in all.</summary>
public sealed record DashboardPage(IReadOnlyList<DashboardRow> Rows, int PageNumber, int PageCount, int Total);
