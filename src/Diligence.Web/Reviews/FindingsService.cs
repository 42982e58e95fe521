using Diligence.Core.Audit;
using Diligence.Core.Reviews;
using Diligence.Data;
using Diligence.Web.Audit;

namespace Diligence.Web.Reviews;

/// <summary>A review's findings: listed by severity, added by reviewers, their status and owner changed.</summary>
public sealed class FindingsService(ReviewWorkspace workspace, IFindingStore findings, IAuditTrail audit, TimeProvider clock)
{
    public const int DescriptionMaxLength = 2000;
    public const int OwnerMaxLength = 200;

    public const string SeverityMissing = "Choose a severity.";
    public const string DescriptionMissing = "Describe the finding.";
    public const string DescriptionTooLong = "Use at most 2000 characters for the description.";
    public const string OwnerTooLong = "Use at most 200 characters for the owner.";
    public const string StatusMissing = "Choose a status.";
    public const string StaleFinding =
        "Someone else changed this finding while you were editing it, so nothing was saved. Its current status and owner are shown; your input is still in the fields.";
    public const string WithdrawnFinding = "The answers no longer raise this finding, so it cannot be changed.";

    public async Task<FindingsBoard?> LoadAsync(Guid reviewId, CancellationToken ct)
    {
        var state = await workspace.LoadAsync(reviewId, ct);
        if (state is null)
        {
            return null;
        }
        var all = (await findings.ListAsync(reviewId, ct))
            .Select(f => FindingView.Of(f, reviewId, state.Questionnaire.Definition))
            .ToList();
        var groups = FindingSeverities.All
            .Select(severity => new FindingGroup(
                severity, all.Where(v => !v.Finding.Withdrawn && v.Finding.Severity == severity).ToList()))
            .Where(g => g.Findings.Count > 0)
            .ToList();
        return new FindingsBoard(state, groups, all.Where(v => v.Finding.Withdrawn).ToList());
    }

    public async Task<ChangeOutcome> AddAsync(Guid reviewId, NewFinding input, Guid userId, CancellationToken ct)
    {
        var state = await workspace.LoadAsync(reviewId, ct);
        if (state is null)
        {
            return new ChangeOutcome.NotFound();
        }
        if (state.IsLocked)
        {
            return Refused(ChangeOutcome.FormError, ReviewLifecycleService.Locked);
        }
        var errors = new Dictionary<string, string>();
        if (input.Severity is null || !FindingSeverities.All.Contains(input.Severity))
        {
            errors[nameof(NewFinding.Severity)] = SeverityMissing;
        }
        var description = input.Description?.Trim() ?? "";
        if (description.Length == 0)
        {
            errors[nameof(NewFinding.Description)] = DescriptionMissing;
        }
        else if (description.Length > DescriptionMaxLength)
        {
            errors[nameof(NewFinding.Description)] = DescriptionTooLong;
        }
        var owner = Optional(input.Owner);
        if (owner?.Length > OwnerMaxLength)
        {
            errors[nameof(NewFinding.Owner)] = OwnerTooLong;
        }
        if (errors.Count > 0)
        {
            return new ChangeOutcome.Refused(errors);
        }
        var now = clock.GetUtcNow();
        var finding = new Finding(
            Guid.NewGuid(), reviewId, FindingSource.Manual, SourceId: null, input.Severity!, description, owner,
            FindingStatus.Open, Withdrawn: false, now, now, Version: 1, RaisedBy: userId);
        var record = new AuditRecord(AuditActions.FindingAdded, AuditResources.Finding, finding.Id.ToString(), After: Summary(finding));
        await findings.AddAsync(finding, audit.Describe(record), ct);
        audit.Written(record.Action);
        return new ChangeOutcome.Done(finding.Id);
    }

    public async Task<ChangeOutcome> ChangeAsync(Guid reviewId, FindingChange change, CancellationToken ct)
    {
        var state = await workspace.LoadAsync(reviewId, ct);
        var finding = state is null ? null : (await findings.ListAsync(reviewId, ct)).FirstOrDefault(f => f.Id == change.FindingId);
        if (state is null || finding is null)
        {
            return new ChangeOutcome.NotFound();
        }
        if (state.IsLocked)
        {
            return Refused(ChangeOutcome.FormError, ReviewLifecycleService.Locked);
        }
        if (finding.Withdrawn)
        {
            return Refused(ChangeOutcome.FormError, WithdrawnFinding);
        }
        var errors = new Dictionary<string, string>();
        if (change.Status is not { } status || !Enum.IsDefined(status))
        {
            errors[nameof(FindingChange.Status)] = StatusMissing;
        }
        var owner = Optional(change.Owner);
        if (owner?.Length > OwnerMaxLength)
        {
            errors[nameof(FindingChange.Owner)] = OwnerTooLong;
        }
        if (errors.Count > 0)
        {
            return new ChangeOutcome.Refused(errors);
        }
        var changed = finding with { Status = change.Status!.Value, Owner = owner, UpdatedAt = clock.GetUtcNow() };
        var record = new AuditRecord(AuditActions.FindingChanged, AuditResources.Finding, finding.Id.ToString(), Summary(finding), Summary(changed));
        try
        {
            await findings.UpdateAsync(changed, change.Version, audit.Describe(record), ct);
        }
        catch (ConcurrencyConflictException)
        {
            return Refused(ChangeOutcome.FormError, StaleFinding);
        }
        audit.Written(record.Action);
        return new ChangeOutcome.Done(finding.Id);
    }

    private static string Summary(Finding finding) =>
        $"review={finding.ReviewId} severity={finding.Severity} status={finding.Status} owner={finding.Owner ?? "-"}";

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static ChangeOutcome.Refused Refused(string field, string message) =>
        new(new Dictionary<string, string> { [field] = message });
}
