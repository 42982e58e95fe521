using System.Security.Cryptography;
using System.Text;
using Diligence.Core.Reviews;

namespace Diligence.Web.Audit;

/// <summary>Before/after texts for audit events. Answers appear only as version and a short hash, never as contents.</summary>
public static class AuditSummary
{
    public static string Answer(int version, string? valueJson) =>
        valueJson is null ? $"version={version} cleared" : $"version={version} value=sha256:{ShortHash(valueJson)}";

    public static string? Answer(StoredAnswer? answer) => answer is null ? null : Answer(answer.Version, answer.ValueJson);

    public static string ShortHash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..12];
}
