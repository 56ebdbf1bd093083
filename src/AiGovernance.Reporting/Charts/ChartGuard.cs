namespace AiGovernance.Reporting.Charts;

/// <summary>Argument checks shared by the charts.</summary>
internal static class ChartGuard
{
    /// <summary>The labels along a chart's axis (categories, points), at least one.</summary>
    public static IReadOnlyList<string> Labels(IReadOnlyList<string> labels, string what, string paramName)
    {
        ArgumentNullException.ThrowIfNull(labels, paramName);
        if (labels.Count == 0)
        {
            throw new ArgumentException($"A chart needs at least one {what}.", paramName);
        }

        return labels;
    }

    public static IReadOnlyList<ChartSeries> Series(IReadOnlyList<ChartSeries> series, int length, int maxSeries, string paramName)
    {
        ArgumentNullException.ThrowIfNull(series, paramName);
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

        return series;
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
