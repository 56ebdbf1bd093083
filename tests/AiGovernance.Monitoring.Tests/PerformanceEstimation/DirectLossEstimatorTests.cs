using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.PerformanceEstimation;
using AiGovernance.Monitoring.Responses;
using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.Tests.PerformanceEstimation;

public class DirectLossEstimatorTests
{
    private static readonly double[] Shares = [0.5, 0.3, 0.2];

    private static readonly Lazy<(DirectLossEstimator Estimator, DleReference Reference)> Fitted = new(() =>
    {
        var estimator = new DirectLossEstimator();
        var (features, predictions, actuals) = SyntheticRegression.Draw(new Random(40), 20_000, 0, 1, Shares);
        return (estimator, estimator.Fit(features, predictions, actuals));
    });

    [Fact]
    public void Fit_RecordsTheReferenceErrors()
    {
        var estimator = new DirectLossEstimator();
        var (features, predictions, actuals) = SyntheticRegression.Draw(new Random(41), 3000, 0, 1, Shares);
        var reference = estimator.Fit(features, predictions, actuals);
        Assert.Equal(RegressionError.MeanAbsolute(actuals, predictions), reference.MeanAbsoluteError);
        Assert.Equal(RegressionError.RootMeanSquared(actuals, predictions), reference.RootMeanSquaredError);
        Assert.Equal(3000, reference.Count);
        Assert.Contains("linear-spline basis of the prediction and 2 feature column(s)", reference.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_OnTheReferenceItself_ReproducesItsRealisedMae()
    {
        // The ridge intercept is unpenalised, so the mean fitted |e| is the mean |e| (before the ≥ 0 clip, rarely active).
        var estimator = new DirectLossEstimator();
        var (features, predictions, actuals) = SyntheticRegression.Draw(new Random(42), 5000, 0, 1, Shares);
        var reference = estimator.Fit(features, predictions, actuals);
        var estimate = estimator.Estimate(reference, features, predictions, "reference");
        Assert.Equal(reference.MeanAbsoluteError.Estimate, estimate.Get(EstimatedMetric.MeanAbsoluteError).Estimate, 3);
    }

    [Fact]
    public void Estimate_FollowsACovariateShiftIntoLargerErrors()
    {
        var (estimator, reference) = Fitted.Value;
        var (features, predictions, actuals) = SyntheticRegression.Draw(new Random(43), 5000, 1.5, 1, [0.2, 0.2, 0.6]);
        var estimate = estimator.Estimate(reference, features, predictions, "shifted");
        var mae = estimate.Get(EstimatedMetric.MeanAbsoluteError);
        var rmse = estimate.Get(EstimatedMetric.RootMeanSquaredError);
        var realisedMae = RegressionError.MeanAbsolute(actuals, predictions).Estimate;
        var realisedRmse = RegressionError.RootMeanSquared(actuals, predictions).Estimate;
        Assert.True(mae.Estimate > 1.3 * reference.MeanAbsoluteError.Estimate, $"estimated MAE {mae.Estimate} vs reference {reference.MeanAbsoluteError.Estimate}");
        Assert.InRange(realisedMae, mae.Lower, mae.Upper);
        Assert.InRange(realisedRmse, rmse.Lower, rmse.Upper);
        Assert.True(mae.Degradation > 0);
        var driftEvent = estimate.ToDriftEvent("pricing", EstimatedMetric.MeanAbsoluteError);
        Assert.Equal(mae.Lower - reference.MeanAbsoluteError.Estimate, driftEvent.Degradation, 12);
    }

    [Fact]
    public void CovariateShift_RealisedErrorsFallInsideTheBands_InAbout95PercentOfWindows()
    {
        // Each simulated window gets a fresh 5,000-row reference, because the band covers the loss model's estimation error
        // too: conditional on one reference that error is a fixed bias, so coverage is a statement over references and
        // windows together. 150 windows in CI (AIGOV_STRESS=1: 1,000). Slack: at a true 95% the share inside has an SD of
        // 1.8 points at 150 windows (0.7 at 1,000); [0.90, 0.99] allows −2.8/+2.2 SD at 150.
        var windows = Environment.GetEnvironmentVariable("AIGOV_STRESS") == "1" ? 1000 : 150;
        var estimator = new DirectLossEstimator();
        var random = new Random(44);
        int maeInside = 0, rmseInside = 0;
        double maeError = 0;
        for (var w = 0; w < windows; w++)
        {
            var (referenceFeatures, referencePredictions, referenceActuals) = SyntheticRegression.Draw(random, 5000, 0, 1, Shares);
            var reference = estimator.Fit(referenceFeatures, referencePredictions, referenceActuals);
            double[] shares = w % 2 == 0 ? Shares : [0.3, 0.3, 0.4];
            var (features, predictions, actuals) = SyntheticRegression.Draw(random, 5000, 0.3 * (w % 4), 0.8 + (0.1 * (w % 3)), shares);
            var comparison = estimator.CompareRealised(estimator.Estimate(reference, features, predictions, $"w{w}"), predictions, actuals);
            maeInside += comparison.Get(EstimatedMetric.MeanAbsoluteError).IsOutsideBand ? 0 : 1;
            rmseInside += comparison.Get(EstimatedMetric.RootMeanSquaredError).IsOutsideBand ? 0 : 1;
            maeError += Math.Abs(comparison.Get(EstimatedMetric.MeanAbsoluteError).Gap);
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"DLE over {windows} windows: coverage MAE {(double)maeInside / windows:F3}, RMSE {(double)rmseInside / windows:F3}, MAE point error {maeError / windows:F4}");
        Assert.InRange((double)maeInside / windows, 0.90, 0.99);
        Assert.InRange((double)rmseInside / windows, 0.90, 0.99);
        // The MAE is about 0.56; a 5,000-row reference adds its own error to the window's sampling error (about 0.006).
        Assert.True(maeError / windows < 0.015, $"mean |gap| of MAE {maeError / windows}");
    }

    [Fact]
    public void ConceptShift_NoisierWorld_RaisesTheGapAlert()
    {
        var (estimator, reference) = Fitted.Value;
        var (features, predictions, actuals) = SyntheticRegression.Draw(new Random(45), 5000, 0, 1, Shares, noiseScale: 1.4);
        var comparison = estimator.CompareRealised(estimator.Estimate(reference, features, predictions, "w"), predictions, actuals);
        Assert.True(comparison.IsAlert);
        var driftEvent = comparison.ToDriftEvent("pricing");
        Assert.Equal(DriftEventKind.EstimationGap, driftEvent.Kind);
        Assert.True(driftEvent.Degradation > 0.05, $"shortfall {driftEvent.Degradation}");
    }

    [Fact]
    public void Fit_WithoutFeatures_LearnsFromThePredictionAlone()
    {
        var estimator = new DirectLossEstimator();
        var (_, predictions, actuals) = SyntheticRegression.Draw(new Random(46), 4000, 0, 1, Shares);
        var reference = estimator.Fit(null, predictions, actuals);
        var estimate = estimator.Estimate(reference, null, predictions, "w");
        Assert.Equal("DLE", estimate.Estimator);
        Assert.Null(estimate.ExpectedConfusion);
        Assert.True(double.IsNaN(estimate.RocAucResolution));
    }

    [Fact]
    public void Estimate_WindowMissingAReferenceColumn_NamesIt()
    {
        var (estimator, reference) = Fitted.Value;
        var b = TabularData.CreateBuilder();
        b.AddNumeric("x", new double[] { 0.1, 0.2 });
        var e = Assert.Throws<ArgumentException>(() => estimator.Estimate(reference, b.Build(), [0.1, 0.2], "w"));
        Assert.Equal("features", e.ParamName);
        Assert.Contains("'group'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_ColumnOfAnotherKind_NamesIt()
    {
        var (estimator, reference) = Fitted.Value;
        var b = TabularData.CreateBuilder();
        b.AddCategorical("x", ["1", "2"]);
        b.AddCategorical("group", ["a", "b"]);
        var e = Assert.Throws<ArgumentException>(() => estimator.Estimate(reference, b.Build(), [0.1, 0.2], "w"));
        Assert.Contains("Column 'x' is Categorical here but was numeric", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_MissingValuesAndUnseenCategories_AreAccepted()
    {
        var (estimator, reference) = Fitted.Value;
        var b = TabularData.CreateBuilder();
        b.AddNumeric("x", new[] { double.NaN, 0.5, 1.0 });
        b.AddCategorical("group", ["z", null, "a"]);
        var estimate = estimator.Estimate(reference, b.Build(), [0.1, 0.5, 0.9], "w");
        Assert.True(estimate.Get(EstimatedMetric.MeanAbsoluteError).IsDefined);
    }

    [Fact]
    public void Fit_NonFiniteActual_NamesIndex()
    {
        var e = Assert.Throws<ArgumentException>(() => new DirectLossEstimator().Fit(null, new double[12], [.. new double[11], double.NaN]));
        Assert.Equal("actuals", e.ParamName);
        Assert.Contains("Value 11", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CompareRealised_WithACbpeEstimate_Throws() =>
        Assert.Equal("estimate", Assert.Throws<ArgumentException>(() => new DirectLossEstimator().CompareRealised(new EstimatedPerformance { Estimator = "CBPE" }, [1, 2], [1, 2])).ParamName);
}
