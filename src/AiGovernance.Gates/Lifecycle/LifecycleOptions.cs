namespace AiGovernance.Gates.Lifecycle;

/// <summary>The outputs each lifecycle phase must produce before the system may leave it. A list left
/// <see langword="null"/> takes the default outputs of the five-phase lifecycle for that phase.</summary>
public sealed class LifecycleOptions
{
    /// <summary>Outputs of phase 1.</summary>
    /// <value>The default value is <c>approved-use-case</c>, <c>risk-classification</c>, <c>data-strategy</c>.</value>
    public IList<string>? BusinessCaseOutputs { get; set; }

    /// <summary>Outputs of phase 2.</summary>
    /// <value>The default value is <c>validated-dataset</c>, <c>dataset-documentation</c>, <c>preprocessing-code</c>.</value>
    public IList<string>? DesignAndDataOutputs { get; set; }

    /// <summary>Outputs of phase 3.</summary>
    /// <value>The default value is <c>validated-model</c>, <c>performance-documentation</c>, <c>failure-mode-analysis</c>.</value>
    public IList<string>? DevelopmentAndValidationOutputs { get; set; }

    /// <summary>Outputs of phase 4.</summary>
    /// <value>The default value is <c>production-ready-system</c>, <c>operational-runbooks</c>, <c>incident-response-procedures</c>.</value>
    public IList<string>? DeploymentReadinessOutputs { get; set; }

    /// <summary>Outputs of phase 5 (kept up to date while the system runs).</summary>
    /// <value>The default value is <c>performance-history</c>.</value>
    public IList<string>? ContinuousOperationOutputs { get; set; }

    /// <summary>The outputs required in a phase, with the lifecycle's default outputs for unset lists.</summary>
    /// <param name="phase">The phase.</param>
    /// <returns>The output names.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="phase"/> is not a defined phase.</exception>
    public IReadOnlyList<string> GetRequiredOutputs(LifecyclePhase phase) => phase switch
    {
        LifecyclePhase.BusinessCaseAndRiskClassification => Or(BusinessCaseOutputs, GatesDefaults.BusinessCaseOutputs),
        LifecyclePhase.DesignAndDataPreparation => Or(DesignAndDataOutputs, GatesDefaults.DesignAndDataOutputs),
        LifecyclePhase.DevelopmentAndValidation => Or(DevelopmentAndValidationOutputs, GatesDefaults.DevelopmentAndValidationOutputs),
        LifecyclePhase.DeploymentReadiness => Or(DeploymentReadinessOutputs, GatesDefaults.DeploymentReadinessOutputs),
        LifecyclePhase.ContinuousOperation => Or(ContinuousOperationOutputs, GatesDefaults.ContinuousOperationOutputs),
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, "Unknown lifecycle phase."),
    };

    private static string[] Or(IList<string>? configured, string[] defaults) => configured is null ? defaults : [.. configured];
}
