using System.ComponentModel.DataAnnotations;
using AiGovernance.Samples.GatedService.Models;
using AiGovernance.Samples.GatedService.Security;

namespace AiGovernance.Samples.GatedService;

/// <summary>The sample's own settings (section <c>GatedService</c>); the packages' options live under <c>AiGovernance:*</c>.</summary>
public sealed class GatedServiceOptions
{
    public const string SectionName = "GatedService";

    /// <summary>Where the audit log, review log, trusted reviewer keys and signed approvals live; relative paths are
    /// resolved against the content root.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    [Required]
    public string SystemId { get; set; } = "credit-scoring";

    /// <summary>Whether the service monitors its own traffic for drift with an Orleans silo in its process
    /// (AiGovernance:Monitoring:Orleans; embedded mode needs no setup).</summary>
    public bool MonitorTrafficDrift { get; set; } = true;

    [Required]
    public string SystemName { get; set; } = "Consumer credit scoring";

    /// <summary>The deployment environment the signed approvals must name.</summary>
    [Required]
    public string Environment { get; set; } = "production";

    [Required]
    public string BusinessOwner { get; set; } = "head-of-lending";

    [Required]
    public string TechnicalOwner { get; set; } = "credit-ml-team";

    [Required]
    public string OperationsOwner { get; set; } = "credit-ops";

    /// <summary>Whether the candidate model is to be served at all. When true, start-up fails unless the deployment gate
    /// allows the candidate's exact artifact; when false the service runs the baseline only (the candidate in shadow).</summary>
    public bool ServeCandidate { get; set; } = true;

    /// <summary>On first run (no trusted-key file yet) generate demo reviewer keys and signed approvals for the candidate.
    /// Off by default and refused at start-up outside the Development environment (<see cref="GatedServiceOptionsValidator"/>):
    /// whoever starts the service would approve its own model.</summary>
    public bool GenerateDemoApprovals { get; set; }

    /// <summary>The API keys allowed to call the state-changing endpoints; none by default, so they answer 401 until keys
    /// are configured.</summary>
    public List<ApiKeyCredential> ApiKeys { get; set; } = [];

    /// <summary>Applications whose probability of default is at or above this are declined.</summary>
    [Range(0.01, 0.99)]
    public double DecisionThreshold { get; set; } = 0.5;

    /// <summary>How many predictions wait for their ground truth at most; further ones are served but not tracked.</summary>
    [Range(1, 10_000_000)]
    public int MaxPendingOutcomes { get; set; } = 100_000;

    /// <summary>How many recent served scores are kept for the score-drift check.</summary>
    [Range(100, 1_000_000)]
    public int LiveScoreWindow { get; set; } = 5_000;

    [Required]
    public LogisticModelOptions Baseline { get; set; } = LogisticModelOptions.DefaultBaseline();

    [Required]
    public LogisticModelOptions Candidate { get; set; } = LogisticModelOptions.DefaultCandidate();
}
