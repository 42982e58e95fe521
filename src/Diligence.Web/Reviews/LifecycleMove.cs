using Diligence.Core.Reviews;

namespace Diligence.Web.Reviews;

/// <summary>
/// A request to move a review to <see cref="To"/>, made while looking at <see cref="Version"/> of it; a move to
/// decided carries the decision and its rationale.
/// </summary>
public sealed record LifecycleMove(ReviewStatus? To, int Version, Decision? Decision, string? Rationale);
