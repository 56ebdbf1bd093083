namespace AiGovernance.Deployment.Routing;

/// <summary>What the router randomises, which decides the statistics a canary analysis may use.</summary>
public enum RoutingDesign
{
    /// <summary>Each request is assigned on its own (the id routed is a request id): requests are independent draws, so the
    /// request-level statistics apply — the χ² sample-ratio test and the two-proportion z-test, Fisher's exact test and
    /// mSPRT on request counts.</summary>
    PerRequest = 0,

    /// <summary>Each unit — a customer, session or device id — is assigned once and every request it sends goes to the same
    /// arm. Requests of a unit are not independent (heavy users send many, a failing customer fails repeatedly), so the
    /// analysis compares arms over the unit hash sub-buckets the recorder keeps (<see cref="CanaryAssignment.SubBucket"/>):
    /// a cluster-robust sample-ratio test and delta-method error-rate variances.</summary>
    PerUnit = 1,
}
