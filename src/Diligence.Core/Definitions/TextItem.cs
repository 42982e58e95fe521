using System.Text.RegularExpressions;

namespace Diligence.Core.Definitions;

public sealed record TextItem : AnswerableItem
{
    // Patterns come from questionnaire authors; a timeout keeps a pathological one from hanging a request.
    private static readonly TimeSpan _patternTimeout = TimeSpan.FromMilliseconds(200);

    private readonly string? _pattern;

    public override ItemType Type => ItemType.Text;

    public bool Multiline { get; init; }

    public int? MaxLength { get; init; }

    /// <summary>A .NET regular expression the whole answer must match.</summary>
    public string? Pattern
    {
        get => _pattern;
        init
        {
            _pattern = value;
            PatternRegex = value is null ? null : CreatePattern(value);
        }
    }

    internal Regex? PatternRegex { get; private init; }

    internal static Regex CreatePattern(string pattern) =>
        new(pattern, RegexOptions.CultureInvariant, _patternTimeout);
}
