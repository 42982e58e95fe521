namespace Diligence.Cli.Tests;

/// <summary>Questionnaire texts the tests write to temp files.</summary>
internal static class Questionnaires
{
    public const string Valid = """
        id: network-check
        version: 1.2.0
        title: Network check
        status: draft
        steps:
          - id: network
            title: Network posture
            items:
              - id: inbound-required
                key: network.inbound-required
                type: yes-no-na
                prompt: Does the vendor need inbound connectivity?
                flags:
                  yes: { severity: high, finding: The vendor requires inbound access. }
              - id: inbound-details
                type: group
                title: Inbound access
                visibleWhen: { question: inbound-required, op: eq, value: yes }
                items:
                  - id: inbound-ports
                    key: network.inbound-ports
                    type: text
                    prompt: Which ports?
        """;

    /// <summary><see cref="Valid"/> with one piece of text replaced; fails when the text is not there.</summary>
    public static string ValidWith(string original, string replacement) =>
        Valid.Contains(original, StringComparison.Ordinal)
            ? Valid.Replace(original, replacement, StringComparison.Ordinal)
            : throw new ArgumentException($"'{original}' is not in the valid questionnaire.", nameof(original));
}
