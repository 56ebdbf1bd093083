namespace AiGovernance.Statistics;

/// <summary>Defaults of <see cref="Wasserstein"/>.</summary>
internal static class WassersteinDefaults
{
    /// <summary>The floor on the reference's standard deviation (Evidently's "Wasserstein distance (normed)" uses 0.001).</summary>
    public const double MinimumScale = 1e-3;
}
