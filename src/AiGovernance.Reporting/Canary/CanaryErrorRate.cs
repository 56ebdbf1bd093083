using AiGovernance.Deployment.Canary;
using AiGovernance.Reporting.Json;

namespace AiGovernance.Reporting.Canary;

/// <summary>The error-rate comparison of a canary analysis.</summary>
public sealed class CanaryErrorRate
{
    /// <summary>The baseline's error rate.</summary>
    public double? BaselineRate { get; init; }

    /// <summary>The candidate's error rate.</summary>
    public double? CandidateRate { get; init; }

    /// <summary>Candidate minus baseline.</summary>
    public double? Difference { get; init; }

    /// <summary>The test that decided significance.</summary>
    public ErrorRateTest Test { get; init; }

    /// <summary>The pooled two-proportion z statistic.</summary>
    public double? Z { get; init; }

    /// <summary>The p-value used for the decision.</summary>
    public double? PValue { get; init; }

    /// <summary>Whether the difference is significant.</summary>
    public bool Significant { get; init; }

    /// <summary>Why each <see langword="null"/> value is undefined.</summary>
    public IReadOnlyDictionary<string, string>? NullReasons { get; init; }

    /// <summary>Takes the comparison.</summary>
    /// <param name="c">The comparison.</param>
    /// <returns>The error-rate part of the report.</returns>
    public static CanaryErrorRate From(ErrorRateComparison c)
    {
        var r = new NullReasons();
        return new CanaryErrorRate
        {
            BaselineRate = r.Value(c.BaselineRate, "baselineRate", "no baseline requests"),
            CandidateRate = r.Value(c.CandidateRate, "candidateRate", "no candidate requests"),
            Difference = r.Value(c.Difference, "difference", "an arm has no requests"),
            Test = c.Test,
            Z = r.Value(c.Z, "z", "no errors on either arm: the pooled variance is zero"),
            PValue = r.Value(c.PValue, "pValue", "not computed"),
            Significant = c.Significant,
            NullReasons = r.Result,
        };
    }
}
