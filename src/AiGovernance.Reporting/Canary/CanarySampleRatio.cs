using AiGovernance.Deployment.Canary;
using AiGovernance.Reporting.Json;

namespace AiGovernance.Reporting.Canary;

/// <summary>The sample-ratio-mismatch check of a canary analysis.</summary>
public sealed class CanarySampleRatio
{
    /// <summary>The planned candidate share.</summary>
    public double PlannedCandidateFraction { get; init; }

    /// <summary>The observed candidate share.</summary>
    public double? ObservedCandidateFraction { get; init; }

    /// <summary>Pearson's statistic.</summary>
    public double? ChiSquared { get; init; }

    /// <summary>Its p-value.</summary>
    public double? PValue { get; init; }

    /// <summary>Whether the split differs from the plan (the comparison is then invalid).</summary>
    public bool Mismatch { get; init; }

    /// <summary>Why each <see langword="null"/> value is undefined.</summary>
    public IReadOnlyDictionary<string, string>? NullReasons { get; init; }

    /// <summary>Takes the check.</summary>
    /// <param name="c">The check.</param>
    /// <returns>The sample-ratio part of the report.</returns>
    public static CanarySampleRatio From(SampleRatioCheck c)
    {
        var r = new NullReasons();
        return new CanarySampleRatio
        {
            PlannedCandidateFraction = c.PlannedCandidateFraction,
            ObservedCandidateFraction = r.Value(c.ObservedCandidateFraction, "observedCandidateFraction", "no requests"),
            ChiSquared = r.Value(c.ChiSquared, "chiSquared", "no requests"),
            PValue = r.Value(c.PValue, "pValue", "no requests"),
            Mismatch = c.Mismatch,
            NullReasons = r.Result,
        };
    }
}
