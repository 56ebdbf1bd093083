namespace AiGovernance.Deployment.Canary;

/// <summary>What a canary analysis recommends (the practice's three recommendations plus <see cref="Hold"/>).</summary>
public enum CanaryDecision
{
    /// <summary>The comparison is not yet valid (too little data or a sample-ratio mismatch): keep the current traffic. Never a pass.</summary>
    Hold = 0,

    /// <summary>No rollback trigger fired: the candidate may move to the next stage.</summary>
    ProceedToFullRollout = 1,

    /// <summary>The error rate rose by more than the tolerance but not significantly: keep the traffic and watch.</summary>
    MonitorClosely = 2,

    /// <summary>A rollback trigger fired: return all traffic to the baseline now.</summary>
    RollbackImmediately = 3,
}
