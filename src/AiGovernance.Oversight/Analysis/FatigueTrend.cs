namespace AiGovernance.Oversight.Analysis;

/// <summary>The least-squares trend of the override rate over the hours of the working day.</summary>
/// <param name="Hours">The hours of the day fitted (those with enough reviews).</param>
/// <param name="FirstHour">The earliest hour fitted.</param>
/// <param name="LastHour">The latest hour fitted.</param>
/// <param name="SlopePerHour">The change in override rate per hour of the day; negative when reviewers override less as the day goes on.</param>
/// <param name="Intercept">The fitted rate at hour 0.</param>
/// <param name="R">The correlation of hour and rate.</param>
/// <param name="PValue">The two-sided p-value of a zero slope.</param>
public readonly record struct FatigueTrend(int Hours, int FirstHour, int LastHour, double SlopePerHour, double Intercept, double R, double PValue)
{
    /// <summary>The fitted override rate at an hour of the day.</summary>
    /// <param name="hour">The hour.</param>
    /// <returns>Intercept + SlopePerHour·hour.</returns>
    public double RateAt(double hour) => Intercept + (SlopePerHour * hour);
}
