namespace AiGovernance.Scorecards;

/// <summary>Whether a larger or a smaller metric value is better.</summary>
public enum MetricDirection
{
    /// <summary>Larger values are better (accuracy, adoption rate); the target lies above the floor.</summary>
    HigherIsBetter,

    /// <summary>Smaller values are better (latency, override rate, audit findings); the target lies below the floor.</summary>
    LowerIsBetter,
}
