namespace AiGovernance.Reporting.Charts;

/// <summary>Argument checks shared by the charts.</summary>
internal static class ChartGuard
{
    public static void Series(IReadOnlyList<ChartSeries> series, int length, int maxSeries, string paramName)
    {
        if (series.Count == 0 || series.Count > maxSeries)
        {
            throw new ArgumentException($"A chart takes 1 to {maxSeries} series; got {series.Count}.", paramName);
        }

        for (var i = 0; i < series.Count; i++)
        {
            if (series[i] is null)
            {
                throw new ArgumentException($"Series {i} is null.", paramName);
            }

            if (series[i].Values.Count != length)
            {
                throw new ArgumentException(
                    $"Series '{series[i].Name}' has {series[i].Values.Count} values; the chart has {length} categories or points.", paramName);
            }
        }
    }

    public static void Finite(IReadOnlyList<double> values, string paramName)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"Value {i} is {values[i]}; a chart needs finite values here.", paramName);
            }
        }
    }
}
