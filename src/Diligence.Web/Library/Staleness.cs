using Diligence.Core.Answers;

namespace Diligence.Web.Library;

/// <summary>Why a vendor's answer can no longer be relied on as it stands: too old, or evidence it cites has expired.</summary>
public static class Staleness
{
    public static string? ReasonFor(Answer answer, DateOnly asOf, DateOnly today, int staleAfterMonths)
    {
        if (asOf < today.AddMonths(-staleAfterMonths))
        {
            return $"Older than {staleAfterMonths} months";
        }
        return EvidenceOf(answer).FirstOrDefault(e => e.Expires < today) is { } expired
            ? $"Evidence “{expired.Title}” expired on {expired.Expires:yyyy-MM-dd}"
            : null;
    }

    private static IEnumerable<EvidenceReference> EvidenceOf(Answer answer)
    {
        foreach (var reference in answer.Evidence ?? [])
        {
            yield return reference;
        }
        var values = answer.Value switch
        {
            RepeatValue repeat => repeat.Entries.SelectMany(e => e.Values),
            var value => [value],
        };
        foreach (var value in values)
        {
            if (value is EvidenceValue evidence)
            {
                yield return evidence.Reference;
            }
        }
    }
}
