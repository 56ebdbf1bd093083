using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Deployment.Shadow;

/// <summary>How a <see cref="ShadowRunner{TInput, TOutput}"/> runs the candidate.</summary>
public sealed class ShadowRunnerOptions
{
    /// <summary>The most candidate runs in flight at once; requests beyond it are served without a shadow run and counted as skipped.</summary>
    /// <value>The default value is 64.</value>
    [Range(1, 100_000)]
    public int MaxConcurrentCandidates { get; set; } = ShadowDefaults.MaxConcurrentCandidates;

    /// <summary>How long a candidate run may take before it is abandoned (cancelled and counted as a failure).</summary>
    /// <value>The default value is 5 seconds. Must be positive.</value>
    public TimeSpan CandidateTimeout { get; set; } = ShadowDefaults.CandidateTimeout;
}
