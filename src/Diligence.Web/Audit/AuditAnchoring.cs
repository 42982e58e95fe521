using Diligence.Core.Audit;
using Diligence.Data;
using Microsoft.Extensions.Options;

namespace Diligence.Web.Audit;

/// <summary>
/// Exports the chain's signed head outside the database: at start, every <c>Audit:AnchorMinutes</c> and at shutdown,
/// when the head moved, one line <c>sequence hash time signature</c> appended to the anchor file, and the same as a log
/// event (which reaches syslog or OTLP wherever logs are sent). <c>diligence audit verify --anchors</c> then reports a
/// database rewritten behind an anchor, even by someone who holds the key but cannot reach the anchors.
/// </summary>
public sealed class AuditAnchoring(
    IAuditStore store, AuditKeySource keys, IOptions<AuditOptions> audit, IOptions<StorageOptions> storage, TimeProvider clock,
    ILogger<AuditAnchoring> logger) : BackgroundService
{
    private readonly string _file = AuditKeySource.AnchorFile(audit.Value, storage.Value);
    // Never disposed: a host may stop its services after disposing them, and this semaphore holds no wait handle.
    private readonly SemaphoreSlim _turn = new(1, 1);
    private long? _anchored;
    private int _stopped;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(audit.Value.AnchorMinutes), clock);
        try
        {
            do
            {
                await AnchorAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: StopAsync writes the last anchor.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // A host can be stopped twice (a test host disposed again); the database may be gone by the second time.
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            await AnchorAsync(cancellationToken);
        }
    }

    /// <summary>Appends an anchor for the current head unless the last one in the file is for it already.</summary>
    public async Task AnchorAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            _anchored ??= LastAnchored();
            var head = await store.HeadAsync(cancellationToken);
            if (head is null || head.Sequence == _anchored)
            {
                return;
            }
            // An anchor vouches for the head: one the key did not sign is reported, never exported.
            if (!head.IsSignedWith(keys.Key))
            {
                logger.LogError("Audit head #{Sequence} is not signed with the audit key; no anchor written. Run 'diligence audit verify'.", head.Sequence);
                return;
            }
            var anchor = AuditAnchor.Signed(keys.Key, head.Sequence, head.Hash, clock.GetUtcNow());
            await using (var file = new FileStream(_file, FileMode.Append, FileAccess.Write, FileShare.Read))
            await using (var writer = new StreamWriter(file))
            {
                await writer.WriteAsync(anchor.ToLine() + "\n");
                await writer.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }
            _anchored = head.Sequence;
            logger.LogInformation("Audit anchor {AuditSequence} {AuditHash} {AnchoredAt} {AnchorSignature}",
                anchor.Sequence, anchor.Hash, anchor.At, anchor.Signature);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            logger.LogError(exception, "Could not write the audit anchor to {AnchorFile}", _file);
        }
        finally
        {
            _turn.Release();
        }
    }

    private long LastAnchored() =>
        File.Exists(_file) && File.ReadLines(_file).LastOrDefault(l => l.Length > 0) is { } line && AuditAnchor.Parse(line) is { } last
            ? last.Sequence
            : -1;
}
