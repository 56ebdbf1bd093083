using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Deployment.Shadow;

/// <summary>How a <see cref="ShadowRunner{TInput, TOutput}"/> runs the candidate.</summary>
public sealed class ShadowRunnerOptions
{
    /// <summary>The most candidate runs in flight at once; requests beyond it are served without a shadow run and counted as skipped.</summary>
    /// <value>The default value is 64.</value>
    [Range(1, 100_000)]
    public int MaxConcurrentCandidates { get; set; } = DeploymentDefaults.MaxConcurrentCandidates;

    /// <summary>How long a candidate run may take before it is abandoned (cancelled and counted as a failure).</summary>
    /// <value>The default value is 5 seconds. Must be positive.</value>
    #pragma warning disable IL2026 // Only the generated validator reads the attribute; it parses the bounds without a TypeConverter.
    [Range(typeof(TimeSpan), DeploymentDefaults.PositiveDuration, DeploymentDefaults.MaxDuration)]
    #pragma warning restore IL2026
    public TimeSpan CandidateTimeout { get; set; } = DeploymentDefaults.CandidateTimeout;
}
