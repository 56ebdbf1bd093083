namespace AiGovernance.Monitoring.Fairness;

/// <summary>A monitored fairness measure.</summary>
public enum FairnessMetric
{
    /// <summary>Max − min selection rate across groups.</summary>
    DemographicParityDifference = 0,

    /// <summary>The larger of the true-positive-rate and false-positive-rate gaps across groups.</summary>
    EqualizedOddsDifference = 1,

    /// <summary>The smallest group selection rate divided by the reference group's.</summary>
    DisparateImpactRatio = 2,
}
