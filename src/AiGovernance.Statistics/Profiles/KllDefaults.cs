namespace AiGovernance.Statistics;

/// <summary>Defaults and limits of <see cref="KllSketch"/>.</summary>
internal static class KllDefaults
{
    public const int K = 200;
    public const int MinimumK = 8;
    public const int MaximumK = 65_535;
    public const long Seed = 0;
    public const double Confidence = 0.99;

    /// <summary>The smallest level capacity (lower levels shrink geometrically down to this).</summary>
    public const int MinimumCapacity = 2;
}
