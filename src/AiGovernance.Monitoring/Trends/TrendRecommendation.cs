namespace AiGovernance.Monitoring.Trends;

/// <summary>What the trend detector recommends.</summary>
public enum TrendRecommendation
{
    /// <summary>No significant downward trend.</summary>
    ContinueMonitoring = 0,

    /// <summary>A significant downward trend: retrain before the threshold breaks.</summary>
    RetrainSoon = 1,
}
