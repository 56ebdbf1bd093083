namespace AiGovernance.Statistics;

/// <summary>One bin of a reliability diagram: the predictions whose probability fell in (<paramref name="Lower"/>,
/// <paramref name="Upper"/>] (the first bin also holds 0), their mean and the share that turned out positive.</summary>
/// <param name="Lower">The bin's lower edge.</param>
/// <param name="Upper">The bin's upper edge.</param>
/// <param name="Count">How many predictions fell in the bin.</param>
/// <param name="MeanPredicted">Their mean predicted probability; NaN for an empty bin.</param>
/// <param name="ObservedRate">The share of them that were positive; NaN for an empty bin.</param>
public readonly record struct ReliabilityBin(double Lower, double Upper, long Count, double MeanPredicted, double ObservedRate)
{
    /// <summary>|observed rate − mean predicted|: the bin's calibration gap; NaN for an empty bin.</summary>
    public double Gap => Math.Abs(ObservedRate - MeanPredicted);
}
