using Diligence.Core.Answers;

namespace Diligence.Web.Reviews;

/// <summary>What a form said about one item: the answer (null when the user cleared it) or why it cannot be read.</summary>
public sealed record FormReadResult(Answer? Answer, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
