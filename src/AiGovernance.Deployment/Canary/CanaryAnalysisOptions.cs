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

    /// <summary>The error-rate rise the rollout must catch, as a proportion (0.005 = 0.5 percentage points): the effect
    /// the stages are sized to detect. In sequential mode it sets the mixing distribution of the mSPRT, τ = this effect
    /// (<see cref="Statistics.MixtureSequentialTest.MixtureVarianceForEffect"/>), independent of
    /// <see cref="MaxErrorRateIncrease"/>, so a stricter tolerance never costs power. When null, a rollout uses the
    /// minimum detectable effect its plan was sized with (<c>RolloutPlan.MinimumDetectableEffect</c>), and a standalone
    /// analysis 0.005.</summary>
    /// <value>The default value is null (the plan's effect, else 0.005).</value>
    [Range(1e-9, 1.0)]
    public double? MinimumDetectableEffect { get; set; }

    /// <summary>An explicit variance τ² of the normal mixture over the error-rate difference in sequential mode, overriding
    /// the choice from <see cref="MinimumDetectableEffect"/>; larger values favour detecting larger effects sooner.</summary>
    /// <value>The default value is null (τ² = the minimum detectable effect squared).</value>
    [Range(1e-15, 1.0)]
    public double? MixtureVariance { get; set; }

    /// <summary>τ² for the sequential test: <see cref="MixtureVariance"/>, else the square of <see cref="MinimumDetectableEffect"/>,
    /// else of the effect the rollout plan was sized with, else of the default 0.005 — never the tolerance.</summary>
    internal double MixtureVarianceFor(double? planEffect) =>
        MixtureVariance ?? Statistics.MixtureSequentialTest.MixtureVarianceForEffect(
            MinimumDetectableEffect ?? planEffect ?? DeploymentDefaults.MinimumDetectableEffect);
}
