using AiGovernance.Core;
using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.Drift;

/// <summary>What the multivariate and the embedding detectors share: running MMD, turning the Statistics results of MMD and
/// the domain classifier into report entries, the Holm correction across methods and the severity rule.</summary>
internal static class JointDriftVerdicts
{
    /// <summary>Runs MMD on standardised rows: the linear-time estimator on every row when both sides exceed
    /// <paramref name="linearTimeRows"/>, else the unbiased estimator with a permutation p-value.</summary>
    public static MmdDriftResult Mmd(
        ReadOnlySpan<double> reference, ReadOnlySpan<double> current, int dimension, MmdOptions options, int linearTimeRows,
        double significanceLevel) =>
        Entry(LinearTime(reference.Length, current.Length, dimension, linearTimeRows)
            ? MaximumMeanDiscrepancy.LinearTimeTest(reference, current, dimension, options)
            : MaximumMeanDiscrepancy.PermutationTest(reference, current, dimension, options), significanceLevel);

    /// <summary>Runs MMD on embedding vectors, choosing the estimator as the <see cref="double"/> overload does.</summary>
    public static MmdDriftResult Mmd(
        ReadOnlySpan<float> reference, ReadOnlySpan<float> current, int dimension, MmdOptions options, int linearTimeRows,
        double significanceLevel) =>
        Entry(LinearTime(reference.Length, current.Length, dimension, linearTimeRows)
            ? MaximumMeanDiscrepancy.LinearTimeTest(reference, current, dimension, options)
            : MaximumMeanDiscrepancy.PermutationTest(reference, current, dimension, options), significanceLevel);

    private static bool LinearTime(int referenceValues, int currentValues, int dimension, int linearTimeRows) =>
        Math.Min(referenceValues, currentValues) / dimension > linearTimeRows;

    private static MmdDriftResult Entry(MmdResult result, double significanceLevel) => new()
    {
        Statistic = result.Statistic,
        PValue = result.PValue,
        Bandwidth = result.Bandwidth,
        Estimator = result.Estimator,
        Permutations = result.Permutations,
        SignificanceLevel = significanceLevel,
        ReferenceRows = result.FirstRows,
        CurrentRows = result.SecondRows,
    };

    /// <summary>The report entry of a domain classifier test: its p-value is the one-sided DeLong test of
    /// AUC &gt; 0.5 + <paramref name="margin"/>.</summary>
    public static DomainClassifierDriftResult Classifier(
        DomainClassifierResult result,
        IReadOnlyList<ColumnImportance> importance,
        bool secondOrderFeatures,
        double margin,
        double significanceLevel) => new()
        {
            Auc = result.Auc,
            Lower = result.Lower,
            Upper = result.Upper,
            ConfidenceLevel = result.ConfidenceLevel,
            Margin = margin,
            SecondOrderFeatures = secondOrderFeatures,
            ReferenceRows = result.ReferenceRows,
            CurrentRows = result.CurrentRows,
            Importance = importance,
            PValue = result.PValueAbove(0.5 + margin),
            SignificanceLevel = significanceLevel,
        };

    /// <summary>Holm-adjusted p-values of the methods that ran (a null p-value is a method that did not run and gets NaN),
    /// in the order given.</summary>
    public static double[] Holm(params ReadOnlySpan<double?> pValues)
    {
        var present = new List<double>(pValues.Length);
        foreach (var p in pValues)
        {
            if (p is { } value)
            {
                present.Add(value);
            }
        }

        var adjusted = present.Count == 0 ? [] : MultipleTesting.Adjust(present.ToArray(), MultipleTestingMethod.Holm);
        var result = new double[pValues.Length];
        var k = 0;
        for (var i = 0; i < pValues.Length; i++)
        {
            result[i] = pValues[i] is null ? double.NaN : adjusted[k++];
        }

        return result;
    }

    /// <summary>Low when no method signals drift, Medium when one does, High when two or more agree.</summary>
    public static Severity SeverityOf(int driftedMethods) => driftedMethods switch
    {
        0 => Severity.Low,
        1 => Severity.Medium,
        _ => Severity.High,
    };
}
