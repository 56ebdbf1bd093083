using AiGovernance.Monitoring.Drift;
using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.Orleans.Windows;

/// <summary>Computes a closed window's per-column statistics from its merged profile.</summary>
internal static class WindowStatistics
{
    public static WindowColumnStatistics Compute(ColumnReference reference, ColumnProfile current)
    {
        var result = new WindowColumnStatistics
        {
            Column = reference.Name,
            Kind = reference.Kind,
            Count = current.Count,
            MissingCount = current.MissingCount,
        };
        if (current.Count == 0 || reference.Profile.Count == 0)
        {
            return result;
        }

        var counts = ProfileComparison.Counts(reference.Profile, current);
        var referenceCounts = counts.Reference;
        var currentCounts = counts.Current;
        var p = new double[referenceCounts.Count];
        var q = new double[currentCounts.Count];
        var kept = 0;
        for (var k = 0; k < p.Length; k++)
        {
            p[k] = referenceCounts[k];
            q[k] = currentCounts[k];
            kept += referenceCounts[k] + currentCounts[k] > 0 ? 1 : 0;
        }

        // A bin empty on both sides has no expected count: leave it out of the table (it adds nothing to χ²).
        var table = new long[2, kept];
        for (int k = 0, j = 0; k < p.Length; k++)
        {
            if (referenceCounts[k] + currentCounts[k] > 0)
            {
                table[0, j] = referenceCounts[k];
                table[1, j] = currentCounts[k];
                j++;
            }
        }

        var chi = ChiSquared.Contingency(table);
        result = result with
        {
            Psi = ProfileComparison.PopulationStabilityIndex(reference.Profile, current).Value,
            JensenShannon = Divergence.JensenShannonDistance(p, q),
            ChiSquared = chi.Statistic,
            ChiSquaredPValue = chi.PValue,
        };
        if (reference.Kind == ColumnKind.Numeric && reference.Sample is { } sample)
        {
            result = result with
            {
                KolmogorovSmirnov = ProfileComparison.KolmogorovSmirnovStatistic(sample, current),
                Wasserstein = ProfileComparison.WassersteinDistance(sample, current),
            };
        }

        return result;
    }
}
