using AiGovernance.Deployment.Bucketing;

namespace AiGovernance.Deployment.Routing;

/// <summary>Where <see cref="CanaryRouter.Assign"/> put a unit: its arm and its hash sub-bucket, to be passed to
/// <c>CanaryRecorder.Record</c> so the analysis can treat the unit's requests as one cluster.</summary>
/// <param name="Variant">The arm that serves the unit.</param>
/// <param name="SubBucket">The unit's sub-bucket in [0, <see cref="StableBucketing.SubBucketCount"/>)
/// (<see cref="StableBucketing.SubBucket"/>).</param>
public readonly record struct CanaryAssignment(DeploymentVariant Variant, int SubBucket);
