using Diligence.Core.Reviews;

namespace Diligence.Web.Reviews;

/// <summary>A finding with where it came from, in words: the question and answer that raised it, a rule, or a reviewer.</summary>
public sealed record FindingView(Finding Finding, string Source);
