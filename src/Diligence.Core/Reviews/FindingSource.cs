namespace Diligence.Core.Reviews;

public enum FindingSource
{
    /// <summary>Raised by a risky option's flag.</summary>
    Flag,

    /// <summary>Raised by a questionnaire-level rule.</summary>
    Rule,

    /// <summary>Written by a reviewer.</summary>
    Manual,
}
