namespace Diligence.Core.Definitions;

/// <summary>Most severe first, so ordering by the enum value lists critical findings first.</summary>
public enum FindingSeverity
{
    Critical,
    High,
    Medium,
    Low,
    Info,
}
