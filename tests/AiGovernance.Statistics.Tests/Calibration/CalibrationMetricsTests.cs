namespace AiGovernance.Statistics.Tests.Calibration;

public class CalibrationMetricsTests
{
    [Fact]
    public void Evaluate_MatchesScikitLearnAndTheDirectComputation()
    {
        var cases = 0;
        foreach (var c in CalibrationData.Cases("metrics"))
        {
            var bins = c.GetProperty("bins").GetInt32();
            var summary = CalibrationMetrics.Evaluate(c.Ds("probabilities"), c.Bs("labels"), bins);
            var name = c.Name();
            Reference.AssertClose(c.D("brier"), summary.BrierScore, name + " Brier");
            Reference.AssertClose(c.D("ece"), summary.ExpectedCalibrationError, name + " ECE");
            Reference.AssertClose(c.D("mce"), summary.MaximumCalibrationError, name + " MCE");
            var counts = c.GetProperty("counts").EnumerateArray().Select(e => e.GetInt64()).ToArray();
            Assert.Equal(counts, summary.Bins.Select(b => b.Count));
            var nonEmpty = summary.Bins.Where(b => b.Count > 0).ToArray();
            var observed = c.Ds("prob_true");
            var predicted = c.Ds("prob_pred");
            Assert.Equal(observed.Length, nonEmpty.Length);
            for (var i = 0; i < nonEmpty.Length; i++)
            {
                Reference.AssertClose(observed[i], nonEmpty[i].ObservedRate, $"{name} prob_true[{i}]");
                Reference.AssertClose(predicted[i], nonEmpty[i].MeanPredicted, $"{name} prob_pred[{i}]");
            }

            cases++;
        }

        Assert.Equal(4, cases);
    }

    [Fact]
    public void Evaluate_HandWorkedTwoBins()
    {
        // Bin (0, 0.5]: p 0.2, 0.4 with outcomes 0, 1 → mean 0.3, observed 0.5, gap 0.2.
        // Bin (0.5, 1]: p 0.9, 0.9 with outcomes 1, 1 → mean 0.9, observed 1, gap 0.1. ECE = ½·0.2 + ½·0.1 = 0.15.
        var summary = CalibrationMetrics.Evaluate([0.2, 0.4, 0.9, 0.9], [false, true, true, true], bins: 2);
        Assert.Equal(0.15, summary.ExpectedCalibrationError, 14);
        Assert.Equal(0.2, summary.MaximumCalibrationError, 14);
        Assert.Equal(((0.04 + 0.36) + 0.01 + 0.01) / 4, summary.BrierScore, 14);
        Assert.Equal(0.5, summary.Bins[0].Upper);
        Assert.Contains("2 equal-width bins", summary.Binning, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ValueOnAnEdgeGoesToTheLowerBin()
    {
        var summary = CalibrationMetrics.Evaluate([0.0, 0.1, 0.30000000000000004, 1.0], [false, false, true, true], bins: 10);
        Assert.Equal(2, summary.Bins[0].Count);   // 0 and 0.1
        Assert.Equal(1, summary.Bins[2].Count);   // 0.3 (as linspace computes the edge) is right-closed
        Assert.Equal(1, summary.Bins[9].Count);
        Assert.True(double.IsNaN(summary.Bins[5].MeanPredicted));
    }

    [Fact]
    public void ExpectedCalibrationError_ProbabilityOutsideUnitInterval_NamesIndex()
    {
        var e = Assert.Throws<ArgumentException>(() => CalibrationMetrics.ExpectedCalibrationError([0.2, 1.5], [true, false]));
        Assert.Equal("probabilities", e.ParamName);
        Assert.Contains("index 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BrierScore_Empty_Throws() =>
        Assert.Equal("probabilities", Assert.Throws<ArgumentException>(() => CalibrationMetrics.BrierScore([], [])).ParamName);
}
