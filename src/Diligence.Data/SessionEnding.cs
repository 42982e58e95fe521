namespace Diligence.Data;

/// <summary>Ends sessions at <paramref name="At"/> for <paramref name="Reason"/>, all but <paramref name="Except"/> when given.</summary>
public sealed record SessionEnding(DateTimeOffset At, string Reason, Guid? Except = null);
