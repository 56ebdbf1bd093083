using AiGovernance.Statistics;

namespace AiGovernance.Readme.Tests.Snippets;

/// <summary>The calibration and CBPE block of src/AiGovernance.Statistics/README.md.</summary>
public class StatisticsCalibrationSnippets
{
    [Fact]
    public void IsotonicThenCbpe()
    {
        var x = SnippetData.Normal(20_000, 0, 1, seed: 30);
        var random = new Random(31);
        var referenceScores = x.Select(v => 1 / (1 + Math.Exp(-2 * v))).ToArray();
        var referenceOutcomes = referenceScores.Select(p => random.NextDouble() < p ? 1.0 : 0.0).ToArray();
        var windowScores = SnippetData.Normal(5_000, 0.4, 1, seed: 32).Select(v => 1 / (1 + Math.Exp(-2 * v))).ToArray();

        var calibrator = IsotonicRegression.Fit(referenceScores, referenceOutcomes);      // outcomes as 0/1 doubles
        var histogram = new CalibratedProbabilityHistogram();                            // 1,000 probability bins: O(bins) memory
        for (var i = 0; i < windowScores.Length; i++)
        {
            histogram.Add(calibrator.Predict(windowScores[i]), windowScores[i] >= 0.5);
        }

        BinaryPerformanceEstimate estimate = ConfidenceBasedPerformance.Estimate(histogram, confidenceLevel: 0.95);
        // estimate.Accuracy.Estimate, .Lower, .Upper; estimate.RocAuc; estimate.TruePositives …

        var truth = windowScores.Average(p => Math.Max(p, 1 - p));   // the expected accuracy of a calibrated model
        Assert.InRange(truth, estimate.Accuracy.Lower, estimate.Accuracy.Upper);
        Assert.Equal(5_000, estimate.Count);
    }
}
