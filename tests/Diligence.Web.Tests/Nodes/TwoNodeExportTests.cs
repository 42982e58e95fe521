using Diligence.Core.Accounts;
using Diligence.Core.Exports;
using Diligence.Data;
using Diligence.Web.Tests.Exports;
using Diligence.Web.Tests.Infrastructure;

namespace Diligence.Web.Tests.Nodes;

/// <summary>
/// Two nodes rendering from one exports table: the database lease gives each export to exactly one node, and an
/// export whose node died mid-render is taken over by the other once the lease runs out.
/// </summary>
public sealed class TwoNodeExportTests
{
    private const string NodeA = "node-a";
    private const string NodeB = "node-b";

    [Test]
    public async Task Twenty_exports_queued_across_two_nodes_are_each_rendered_exactly_once()
    {
        using var a = new TestApp(Node(NodeA));
        using var b = a.AnotherNode(Node(NodeB));
        var (onA, user) = await a.SignInAsAsync(Role.Reviewer);
        var onB = await b.SignInAsync(user);
        var reviewId = await a.StartReviewAsync(onA);

        var requested = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            requested.Add(await a.RequestExportAsync(onA, reviewId));
            requested.Add(await b.RequestExportAsync(onB, reviewId));
        }
        var finished = new List<Export>();
        foreach (var id in requested)
        {
            finished.Add(await a.WaitUntilFinishedAsync(id));
        }

        Assert.That(finished.Select(e => (e.State, e.Attempts)), Is.All.EqualTo((ExportState.Ready, 1)));
        Assert.That(finished.Select(e => e.Owner), Is.All.AnyOf(NodeA, NodeB));
        Assert.That(await a.Get<IExportStore>().ListForReviewAsync(reviewId), Has.Count.EqualTo(20));
    }

    [Test]
    public async Task An_export_left_mid_render_by_a_dead_node_is_rendered_by_the_other_once_the_lease_runs_out()
    {
        using var a = new TestApp(Node(NodeA, runJobs: false));
        var (onA, _) = await a.SignInAsAsync(Role.Reviewer);
        var reviewId = await a.StartReviewAsync(onA);
        var exportId = await a.RequestExportAsync(onA, reviewId);
        var exports = a.Get<IExportStore>();
        // What a node killed mid-render leaves behind: its claim on the row and no PDF.
        var now = DateTimeOffset.UtcNow;
        Assert.That(await exports.TryClaimAsync(exportId, NodeA, now, now.AddSeconds(Lease)), Is.True);
        a.Stop();

        using var b = a.AnotherNode(Node(NodeB));
        var export = await b.WaitUntilFinishedAsync(exportId);

        Assert.That((export.State, export.Owner, export.Attempts), Is.EqualTo((ExportState.Ready, NodeB, 2)));
        Assert.That(await b.Get<IExportStore>().CompleteAsync(exportId, NodeA, [1], "late", 1, DateTimeOffset.UtcNow), Is.False,
            "the dead node's late completion must not replace the other node's PDF");
        Assert.That((await b.Get<IExportStore>().GetAsync(exportId))!.Sha256, Is.EqualTo(export.Sha256));
    }

    private const int Lease = 10;

    private static Dictionary<string, string> Node(string id, bool runJobs = true) => new()
    {
        ["Jobs:NodeId"] = id,
        ["Jobs:RunJobs"] = runJobs ? "true" : "false",
        ["Jobs:LeaseSeconds"] = Lease.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Jobs:DispatchIntervalSeconds"] = "1",
    };
}
