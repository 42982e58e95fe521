namespace Diligence.Data;

public interface IDatabaseHealth
{
    /// <summary>Never throws for an unreachable database: reports it.</summary>
    Task<DatabaseStatus> GetStatusAsync(CancellationToken cancellationToken = default);
}
