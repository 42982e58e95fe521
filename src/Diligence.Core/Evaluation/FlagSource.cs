using Diligence.Core.Definitions;

namespace Diligence.Core.Evaluation;

/// <summary>
/// The findings one answerable item (or one repeat sub-item, <see cref="SubItemId"/>) raises, by answer id, made once
/// so evaluations share them.
/// </summary>
internal sealed record FlagSource(string? SubItemId, IReadOnlyDictionary<string, RaisedFinding> ByAnswerId)
{
    /// <summary>Null when <paramref name="item"/> has no flags.</summary>
    public static FlagSource? For(AnswerableItem item, string answerKey, string? subItemId)
    {
        var flags = item switch
        {
            YesNoNaItem yesNoNa => yesNoNa.Flags,
            ChoiceItem choice => choice.Options.Where(o => o.Flag is not null).ToDictionary(o => o.Id, o => o.Flag!, StringComparer.Ordinal),
            _ => null,
        };
        if (flags is not { Count: > 0 })
            return null;
        var findings = flags.ToDictionary(
            pair => pair.Key,
            pair => new RaisedFinding(FlagSourceId.For(item.Key, pair.Key), pair.Value.Severity, pair.Value.Finding, pair.Value.Ask, answerKey),
            StringComparer.Ordinal);
        return new FlagSource(subItemId, findings);
    }
}
