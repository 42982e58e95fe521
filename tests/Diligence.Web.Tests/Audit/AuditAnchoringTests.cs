using Diligence.Core.Audit;
using Diligence.Data;
using Diligence.Web.Audit;
using Diligence.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Diligence.Web.Tests.Audit;

/// <summary>The chain's head exported to the anchor file beside the database, signed, only when it moved.</summary>
public sealed class AuditAnchoringTests
{
    [Test]
    public async Task An_anchor_is_appended_for_the_signed_head_and_again_only_once_the_head_moved()
    {
        using var app = new TestApp();
        var anchoring = app.Services.GetServices<IHostedService>().OfType<AuditAnchoring>().Single();
        var file = Path.Combine(app.DataDirectory, "audit-anchors.log");
        var key = app.Get<AuditKeySource>().Key;

        // The service anchors at start as well; the file ends up with one line for this head either way.
        await anchoring.AnchorAsync(CancellationToken.None);
        var atStart = await File.ReadAllLinesAsync(file);
        await anchoring.AnchorAsync(CancellationToken.None);
        var unmoved = await File.ReadAllLinesAsync(file);
        await app.Get<IAuditStore>().AppendAsync(new AuditEntry(
            DateTimeOffset.UtcNow, "system", "system", AuditActions.VendorCreated, "vendor", "v1", null, null, null, null));
        await anchoring.AnchorAsync(CancellationToken.None);
        var moved = await File.ReadAllLinesAsync(file);
        var head = await app.Get<IAuditStore>().HeadAsync();
        var last = AuditAnchor.Parse(moved[^1]);

        Assert.That(atStart, Has.Length.EqualTo(1));
        Assert.That(unmoved, Is.EqualTo(atStart));
        Assert.That(moved, Has.Length.EqualTo(2));
        Assert.That((last!.Sequence, last.Hash), Is.EqualTo((head!.Sequence, head.Hash)));
        Assert.That(last.IsSignedWith(key), Is.True);
    }
}
