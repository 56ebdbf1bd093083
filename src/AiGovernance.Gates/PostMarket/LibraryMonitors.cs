namespace AiGovernance.Gates.PostMarket;

/// <summary>The monitors of the AiGovernance packages and the risks each covers, for a post-market monitoring plan. Gates
/// references none of those packages: monitors are named by their type's full name, and
/// <c>tests/AiGovernance.Samples.Extensions.Tests</c> checks that each name is a real type.</summary>
public static class LibraryMonitors
{
    /// <summary>Monitoring: univariate data drift per column (KS, PSI, chi-squared, ...).</summary>
    public static MonitorCoverage DataDrift { get; } = new("AiGovernance.Monitoring.Drift.DataDriftDetector",
        "Data drift per input column against the validation reference.", [MonitoredRisk.DataDrift]);

    /// <summary>Monitoring: drift of the score or class distribution.</summary>
    public static MonitorCoverage PredictionDrift { get; } = new("AiGovernance.Monitoring.Drift.PredictionDriftDetector",
        "Drift of the distribution of scores or predicted classes.", [MonitoredRisk.PredictionDrift]);

    /// <summary>Monitoring: performance trends and concept drift on labelled outcomes.</summary>
    public static MonitorCoverage ConceptDrift { get; } = new("AiGovernance.Monitoring.Trends.ConceptDriftDetector",
        "Performance trend on labelled outcomes (concept drift).", [MonitoredRisk.PerformanceDegradation]);

    /// <summary>Monitoring: schema and quality validation of input batches.</summary>
    public static MonitorCoverage DataValidation { get; } = new("AiGovernance.Monitoring.Validation.DataSchema",
        "Schema and quality rules checked on every input batch.", [MonitoredRisk.DataQuality]);

    /// <summary>Monitoring: fairness metrics by group against limits.</summary>
    public static MonitorCoverage Fairness { get; } = new("AiGovernance.Monitoring.Fairness.FairnessMonitor",
        "Fairness metrics by group of persons against limits.", [MonitoredRisk.Bias]);

    /// <summary>Monitoring: vendor model SLA.</summary>
    public static MonitorCoverage VendorSla { get; } = new("AiGovernance.Monitoring.VendorSla.VendorPerformanceMonitor",
        "Vendor model accuracy, latency and availability against the SLA.", [MonitoredRisk.ThirdPartyComponentPerformance]);

    /// <summary>Oversight: override analytics (automation bias, rubber-stamping, workload, fatigue).</summary>
    public static MonitorCoverage OverrideAnalytics { get; } = new("AiGovernance.Oversight.Analysis.OverrideAnalyzer",
        "Override rates of human reviewers: automation bias, rubber-stamping, workload pressure, fatigue.",
        [MonitoredRisk.HumanOversightEffectiveness]);

    /// <summary>Oversight: audit sampling of automated decisions.</summary>
    public static MonitorCoverage AuditSampling { get; } = new("AiGovernance.Oversight.Routing.AuditSampler",
        "Seeded audit sample of automated decisions, estimating their error rate.",
        [MonitoredRisk.PerformanceDegradation, MonitoredRisk.HumanOversightEffectiveness]);

    /// <summary>Deployment: canary analysis of a new version against the current one.</summary>
    public static MonitorCoverage CanaryAnalysis { get; } = new("AiGovernance.Deployment.Canary.CanaryAnalyzer",
        "Statistical comparison of a candidate version with the baseline during a staged rollout.", [MonitoredRisk.ReleaseRegression]);

    /// <summary>Gates: serious-incident records with their Art. 73 deadlines.</summary>
    public static MonitorCoverage SeriousIncidents { get; } = new(typeof(Incidents.SeriousIncidentRegister).FullName!,
        "Serious-incident records with their Art. 73 reporting deadlines, kept in the audit log.", [MonitoredRisk.SeriousIncidents]);

    /// <summary>Every monitor above.</summary>
    public static IReadOnlyList<MonitorCoverage> All { get; } =
    [
        DataDrift, PredictionDrift, ConceptDrift, DataValidation, Fairness, VendorSla, OverrideAnalytics, AuditSampling, CanaryAnalysis,
        SeriousIncidents,
    ];
}
