using System.Text.RegularExpressions;

namespace Diligence.Core.Definitions;

/// <summary>The syntax of ids, keys and versions in questionnaire files.</summary>
public static partial class Identifiers
{
    /// <summary>
    /// Lower-case letters and digits in runs joined by single '-' or '_': <c>inbound-required</c>, and
    /// <c>req_sensitive</c> as questionnaires converted from other tools spell them.
    /// </summary>
    public static bool IsId(string text) => IdPattern().IsMatch(text);

    /// <summary>Dot-separated ids: <c>network.inbound-required</c>.</summary>
    public static bool IsKey(string text) => KeyPattern().IsMatch(text);

    /// <summary>Semantic version MAJOR.MINOR.PATCH, with optional pre-release and build parts.</summary>
    public static bool IsVersion(string text) => VersionPattern().IsMatch(text);

    [GeneratedRegex(@"^[a-z0-9]+([-_][a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[a-z0-9]+([-_][a-z0-9]+)*(\.[a-z0-9]+([-_][a-z0-9]+)*)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    [GeneratedRegex(
        @"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-(0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)(\.(0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*))*)?(\+[0-9a-zA-Z-]+(\.[0-9a-zA-Z-]+)*)?\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
