namespace Diligence.Data;

/// <summary>For /healthz: whether the database answered and which migrations are applied and available.</summary>
public sealed record DatabaseStatus(bool Reachable, IReadOnlyList<string> Applied, IReadOnlyList<string> Available, string? Error)
{
    public IReadOnlyList<string> Pending => [.. Available.Except(Applied, StringComparer.Ordinal)];

    public bool Healthy => Reachable && Pending.Count == 0;
}
