namespace AiGovernance.Scorecards;

/// <summary>Defaults of <see cref="RoiInputs"/> and the sensitivity table.</summary>
internal static class RoiDefaults
{
    public const int Years = 3;
    public const int MaxYears = 200;
    public const double DiscountRate = 0.10;
    public const double ProbabilityOfSuccess = 1.0;

    /// <summary>−20 %, −10 %, 0, +10 %, +20 %.</summary>
    public static readonly double[] SensitivityChanges = [-0.20, -0.10, 0.0, 0.10, 0.20];
}
