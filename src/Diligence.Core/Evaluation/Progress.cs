namespace Diligence.Core.Evaluation;

/// <summary>Answered out of required, over visible required items.</summary>
public sealed record Progress(int Answered, int Required)
{
    /// <summary>Rounded down, so 100 means complete; nothing required counts as complete.</summary>
    public int Percent => Required == 0 ? 100 : (int)(Answered * 100L / Required);

    public bool IsComplete => Answered >= Required;
}
