namespace AiGovernance.Statistics;

/// <summary>How bin cut points are fitted on a reference sample.</summary>
public enum BinningStrategy
{
    /// <summary>Cut points at the reference quantiles k/b, k = 1..b−1 (R type 7, linear interpolation); duplicates collapse.
    /// Every bin holds about the same share of the reference.</summary>
    Quantile = 0,

    /// <summary>Cut points min + k·(max − min)/b, k = 1..b−1, of the reference; duplicates collapse.</summary>
    EqualWidth = 1,
}
