using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Deployment.Canary;

/// <summary>Thresholds and tests of a canary analysis. Defaults follow the staged-rollout rollback triggers (docs/background.md).</summary>
public sealed class CanaryAnalysisOptions
{
    /// <summary>Sequential (always-valid) or fixed-sample error-rate testing.</summary>
    /// <value>The default value is <see cref="CanaryAnalysisMode.Sequential"/>.</value>
    [EnumDataType(typeof(CanaryAnalysisMode))]
    public CanaryAnalysisMode Mode { get; set; } = CanaryAnalysisMode.Sequential;

    /// <summary>The significance level of the error-rate test.</summary>
    /// <value>The default value is 0.05.</value>
    [Range(1e-9, 0.5)]
    public double Alpha { get; set; } = DeploymentDefaults.Alpha;

    /// <summary>The tolerated rise of the candidate's error rate over the baseline's, as a proportion (0.005 = 0.5 percentage points).</summary>
    /// <value>The default value is 0.005.</value>
    [Range(1e-9, 1.0)]
    public double MaxErrorRateIncrease { get; set; } = DeploymentDefaults.MaxErrorRateIncrease;

    /// <summary>The tolerated rise of the candidate's P95 latency over the baseline's, in milliseconds.</summary>
    /// <value>The default value is 50.</value>
    [Range(1e-9, 3_600_000.0)]
    public double MaxP95IncreaseMilliseconds { get; set; } = DeploymentDefaults.MaxP95IncreaseMilliseconds;

    /// <summary>The tolerated relative degradation of a business metric (0.05 = 5%).</summary>
    /// <value>The default value is 0.05.</value>
    [Range(1e-9, 1.0)]
    public double MaxBusinessMetricDegradation { get; set; } = DeploymentDefaults.MaxBusinessMetricDegradation;

    /// <summary>The p-value below which the observed split is a sample-ratio mismatch and the comparison is invalid.</summary>
    /// <value>The default value is 0.001.</value>
    [Range(1e-12, 0.5)]
    public double SampleRatioMismatchAlpha { get; set; } = DeploymentDefaults.SampleRatioMismatchAlpha;

    /// <summary>The fewest requests each variant needs before any verdict other than <see cref="CanaryDecision.Hold"/>.</summary>
    /// <value>The default value is 1000.</value>
    [Range(1L, long.MaxValue)]
    public long MinRequestsPerVariant { get; set; } = DeploymentDefaults.MinRequestsPerVariant;

    /// <summary>In fixed-sample mode, Fisher's exact test replaces the z-test when an arm expects fewer errors than this under the pooled
    /// rate.</summary>
    /// <value>The default value is 5.</value>
    [Range(0.0, 1e9)]
    public double FisherExpectedErrorsThreshold { get; set; } = DeploymentDefaults.FisherExpectedErrorsThreshold;

    /// <summary>The variance τ² of the normal mixture over the error-rate difference in sequential mode; larger values
    /// favour detecting larger effects sooner. When null, τ = <see cref="MaxErrorRateIncrease"/> (τ² = 2.5·10⁻⁵ by default).</summary>
    /// <value>The default value is null (τ² = <see cref="MaxErrorRateIncrease"/>²).</value>
    [Range(1e-15, 1.0)]
    public double? MixtureVariance { get; set; }

    internal double EffectiveMixtureVariance => MixtureVariance ?? (MaxErrorRateIncrease * MaxErrorRateIncrease);
}
