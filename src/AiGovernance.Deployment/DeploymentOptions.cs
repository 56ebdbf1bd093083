using System.ComponentModel.DataAnnotations;
using AiGovernance.Deployment.Canary;
using AiGovernance.Deployment.Rollout;
using AiGovernance.Deployment.Shadow;
using Microsoft.Extensions.Options;

namespace AiGovernance.Deployment;

/// <summary>Options of <c>AddDeployment</c>: the rollout plan, canary thresholds, shadow settings and monitoring.</summary>
public sealed class DeploymentOptions
{
    /// <summary>The rollout's name; also the bucketing salt of the registered <see cref="Routing.CanaryRouter"/>.</summary>
    /// <value>The default value is "candidate".</value>
    [Required]
    public string RolloutName { get; set; } = DeploymentDefaults.RolloutName;

    /// <summary>What the registered <see cref="Routing.CanaryRouter"/> routes: whole units (customer, session or device ids,
    /// every request of a unit in one arm) or single requests. The rollout's analysis uses the statistics valid for it;
    /// with <see cref="Routing.RoutingDesign.PerUnit"/> record <c>router.Assign(unitId)</c>'s assignment.</summary>
    /// <value>The default value is <see cref="Routing.RoutingDesign.PerUnit"/>.</value>
    [EnumDataType(typeof(Routing.RoutingDesign))]
    public Routing.RoutingDesign RoutingDesign { get; set; } = DeploymentDefaults.RoutingDesign;

    /// <summary>How many recently seen units the router keeps the bucketing hash of (0 turns the cache off).</summary>
    /// <value>The default value is 1024.</value>
    [Range(0, 1 << 20)]
    public int RecentUnitCacheSize { get; set; } = Routing.CanaryRouter.DefaultRecentUnitCacheSize;

    /// <summary>The stages' traffic fractions, strictly increasing and ending at 1.0. When null the staged
    /// rollout 5% → 25% → 50% → 100% is used (null by default, so configuration binding replaces rather than appends).</summary>
    /// <value>The default value is null (<see cref="RolloutPlan.DefaultFractions"/>).</value>
    public IList<double>? StageFractions { get; set; }

    /// <summary>The minimum duration of each stage. Must not be negative.</summary>
    /// <value>The default value is 1 hour.</value>
    #pragma warning disable IL2026 // Only the generated validator reads the attribute; it parses the bounds without a TypeConverter.
    [Range(typeof(TimeSpan), DeploymentDefaults.ZeroDuration, DeploymentDefaults.MaxDuration)]
    #pragma warning restore IL2026
    public TimeSpan MinStageDuration { get; set; } = DeploymentDefaults.MinStageDuration;

    /// <summary>The baseline's expected error rate, used with <see cref="MinimumDetectableEffect"/> to size each stage.</summary>
    /// <value>The default value is 0.01.</value>
    [Range(1e-9, 0.999999)]
    public double BaselineErrorRate { get; set; } = DeploymentDefaults.BaselineErrorRate;

    /// <summary>The error-rate rise each stage must be able to detect (α = 0.05, power 0.8), which sets its minimum sample
    /// and, in sequential mode, the mixing distribution of the always-valid test (τ = this effect).</summary>
    /// <value>The default value is 0.005 (half a percentage point of error rate).</value>
    [Range(1e-9, 0.999999)]
    public double MinimumDetectableEffect { get; set; } = DeploymentDefaults.MinimumDetectableEffect;

    /// <summary>How often the hosted monitor evaluates the rollout; null disables periodic evaluation.</summary>
    /// <value>The default value is 5 minutes (the automatic-rollback check interval).</value>
    #pragma warning disable IL2026 // Only the generated validator reads the attribute; it parses the bounds without a TypeConverter.
    [Range(typeof(TimeSpan), DeploymentDefaults.PositiveDuration, DeploymentDefaults.MaxDuration)]
    #pragma warning restore IL2026
    public TimeSpan? MonitoringInterval { get; set; } = DeploymentDefaults.MonitoringInterval;

    /// <summary>Canary analysis thresholds.</summary>
    [Required]
    [ValidateObjectMembers(typeof(CanaryAnalysisOptionsValidator))]
    public CanaryAnalysisOptions Canary { get; set; } = new();

    /// <summary>Time-boxing of deployment target calls and rollback retries with back-off.</summary>
    [Required]
    [ValidateObjectMembers(typeof(RolloutResilienceOptionsValidator))]
    public RolloutResilienceOptions Resilience { get; set; } = new();

    /// <summary>Shadow runner settings.</summary>
    [Required]
    [ValidateObjectMembers(typeof(ShadowRunnerOptionsValidator))]
    public ShadowRunnerOptions Shadow { get; set; } = new();

    internal IReadOnlyList<double> EffectiveStageFractions => StageFractions is { } fractions ? [.. fractions] : RolloutPlan.DefaultFractions;

    internal RolloutPlan CreatePlan() =>
        RolloutPlan.FromPower(RolloutName, BaselineErrorRate, MinimumDetectableEffect, MinStageDuration, EffectiveStageFractions);
}
