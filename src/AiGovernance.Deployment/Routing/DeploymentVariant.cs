namespace AiGovernance.Deployment.Routing;

/// <summary>Which model version serves a unit.</summary>
public enum DeploymentVariant
{
    /// <summary>The version in production (control).</summary>
    Baseline = 0,

    /// <summary>The version being rolled out (canary).</summary>
    Candidate = 1,
}
