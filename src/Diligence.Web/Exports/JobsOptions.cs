using System.ComponentModel.DataAnnotations;

namespace Diligence.Web.Exports;

/// <summary>The <c>Jobs</c> configuration section: how this node takes part in rendering exports.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>This node's name in export leases; empty means machine name and process id, unique per process.</summary>
    public string? NodeId { get; set; }

    /// <summary>Exports this node renders at once.</summary>
    [Range(1, 16)]
    public int Workers { get; set; } = 1;

    /// <summary>How long a claim on an export holds; another node may take it over after that (the claimer crashed).</summary>
    [Range(10, 86_400)]
    public int LeaseSeconds { get; set; } = 300;

    /// <summary>How often the node looks for unfinished exports to run.</summary>
    [Range(1, 3_600)]
    public int DispatchIntervalSeconds { get; set; } = 5;

    /// <summary>False: this node queues exports but renders none (no job server, no dispatcher).</summary>
    public bool RunJobs { get; set; } = true;

    public string EffectiveNodeId =>
        string.IsNullOrWhiteSpace(NodeId) ? $"{Environment.MachineName}-{Environment.ProcessId}" : NodeId.Trim();

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);
}
