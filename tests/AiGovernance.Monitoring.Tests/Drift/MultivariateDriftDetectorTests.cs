using System.Text.Json;
using AiGovernance.Core;
using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Monitoring.Responses;
using AiGovernance.Statistics;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Monitoring.Tests.Drift;

public class MultivariateDriftDetectorTests
{
    private static readonly DriftMethod[] NumericMethods =
    [
        DriftMethod.KolmogorovSmirnov, DriftMethod.CramerVonMises, DriftMethod.AndersonDarling, DriftMethod.EppsSingleton,
        DriftMethod.EnergyDistance, DriftMethod.NormalizedWasserstein,
    ];

    [Fact]
    public void CorrelationFlip_WithIdenticalMarginals_EveryUnivariateTestQuiet_PcaAndClassifierFire()
    {
        var reference = CorrelationFlip.Window(2000, 0.8, seed: 1);
        var flipped = CorrelationFlip.RepairedFlip(reference, seed: 2);

        foreach (var method in NumericMethods)
        {
            var options = new DataDriftOptions();
            foreach (var column in new[] { "income", "loan_amount", "age", "tenure" })
            {
                options.ColumnMethods[column] = method;
            }

            var univariate = new DataDriftDetector(options);
            var report = univariate.Compare(univariate.Fit(reference), flipped);
            Assert.All(report.Columns, c => Assert.False(c.IsDrifted, $"{c.Column} by {c.Method}: {c.Statistic} p={c.PValue}"));
        }

        var chiSquared = new DataDriftOptions();
        chiSquared.ColumnMethods["region"] = DriftMethod.ChiSquared;
        var categorical = new DataDriftDetector(chiSquared);
        Assert.False(categorical.Compare(categorical.Fit(reference), flipped).Columns.Single(c => c.Column == "region").IsDrifted);

        var detector = new MultivariateDriftDetector();
        var multivariate = detector.Compare(detector.Fit(reference), flipped);
        Assert.True(multivariate.Reconstruction!.IsDrifted, multivariate.Summary());
        Assert.True(multivariate.DomainClassifier!.IsDrifted, multivariate.Summary());
        Assert.True(multivariate.Mmd!.IsDrifted, multivariate.Summary());
        Assert.Equal(Severity.High, multivariate.Severity);
        Assert.Equal(["income", "loan_amount"], multivariate.DomainClassifier.Importance.Take(2).Select(c => c.Column).Order());
    }

    [Fact]
    public void CorrelationFlip_FreshWindows_DetectedByPcaAndClassifier_UnivariateRarely()
    {
        // 40 seeded runs (reference 2,000 rows, window 500 rows, new draws each run); AIGOV_STRESS=1 runs 200.
        var runs = Stress ? 200 : 40;
        int pca = 0, classifier = 0, univariate = 0;
        var detector = Detector();
        for (var run = 0; run < runs; run++)
        {
            var reference = CorrelationFlip.Window(2000, 0.8, seed: 1000 + (10 * run));
            var window = CorrelationFlip.Window(500, -0.8, seed: 1005 + (10 * run));
            var report = detector.Compare(detector.Fit(reference), window);
            pca += report.Reconstruction!.IsDrifted ? 1 : 0;
            classifier += report.DomainClassifier!.IsDrifted ? 1 : 0;
            var ks = new DataDriftDetector(KolmogorovSmirnovEverywhere());
            univariate += ks.Compare(ks.Fit(reference), window).DriftedColumnCount > 0 ? 1 : 0;
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"correlation flip, {runs} fresh windows: PCA {pca}, classifier {classifier}, univariate KS (any column) {univariate}");
        Assert.True(pca >= runs * 0.95, $"PCA detected {pca} of {runs}");
        Assert.True(classifier >= runs * 0.95, $"classifier detected {classifier} of {runs}");

        // KS per column at 5 %, Benjamini–Hochberg across columns: about 5 % of windows show any drifted column by chance.
        Assert.True(univariate <= runs * 0.2, $"univariate KS flagged {univariate} of {runs}");
    }

    [Fact]
    public void NoShift_PcaAndClassifier_QuietInAtLeast95PercentOf200SeededWindows()
    {
        // 200 runs, each with its own reference (2,000 rows) and window (500 rows) from the same law. The PCA band is 3
        // sigma (about 0.3 % two-sided for a normal chunk mean, more with s estimated from 20 chunks); the classifier's
        // one-sided 97.5 % bound must clear 0.52. Requirement: at most 10 alarms (5 %) for each.
        int pca = 0, classifier = 0;
        var detector = Detector();
        for (var run = 0; run < 200; run++)
        {
            var reference = CorrelationFlip.Window(2000, 0.8, seed: 50_000 + (10 * run));
            var window = CorrelationFlip.Window(500, 0.8, seed: 50_005 + (10 * run));
            var report = detector.Compare(detector.Fit(reference), window);
            pca += report.Reconstruction!.IsDrifted ? 1 : 0;
            classifier += report.DomainClassifier!.IsDrifted ? 1 : 0;
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"no shift, 200 windows: false alarms PCA {pca}, classifier {classifier}");
        Assert.True(pca <= 10, $"PCA false alarms: {pca} of 200");
        Assert.True(classifier <= 10, $"classifier false alarms: {classifier} of 200");
    }

    [Fact]
    public void Fit_ThresholdRule_IsChunkMeanPlusMinusThreeSdScaledToTheWindow()
    {
        var reference = CorrelationFlip.Window(1000, 0.8, seed: 3);
        var detector = new MultivariateDriftDetector(new MultivariateDriftOptions { Methods = MultivariateDriftMethods.Reconstruction });
        var fitted = detector.Fit(reference);
        Assert.Equal(50, fitted.ChunkSize);
        Assert.Equal(20, fitted.ReferenceChunkErrors.Count);
        var report = detector.Compare(fitted, CorrelationFlip.Window(200, 0.8, seed: 4));
        var r = report.Reconstruction!;
        var half = 3 * fitted.ChunkStandardDeviation * Math.Sqrt(50.0 / 200);
        Assert.Equal(fitted.ChunkMean - half, r.LowerThreshold, 12);
        Assert.Equal(fitted.ChunkMean + half, r.UpperThreshold, 12);
        Assert.Null(report.DomainClassifier);
        Assert.Null(report.Mmd);
    }

    [Fact]
    public void Fit_ChunkErrorsFittedInParallel_EqualTheOneChunkAtATimeDefinition_BitForBit()
    {
        // 1,013 rows: 20 chunks of 50 and 13 rows that belong to no chunk (always among the fitted "other" rows).
        var reference = CorrelationFlip.Window(1013, 0.8, seed: 11);
        var fitted = new MultivariateDriftDetector(new MultivariateDriftOptions { Methods = MultivariateDriftMethods.Reconstruction }).Fit(reference);

        var encoder = FeatureEncoder.Fit(reference, new MultivariateDriftOptions().MaxCategories);
        var encoded = encoder.Encode(reference, "reference");
        var width = encoder.Width;
        for (var k = 0; k < 20; k++)
        {
            var block = encoded.AsSpan(k * 50 * width, 50 * width);
            var others = encoded[..(k * 50 * width)].Concat(encoded[((k + 1) * 50 * width)..]).ToArray();
            var expected = PrincipalComponentModel.FitComponents(others, width, fitted.ComponentCount).MeanReconstructionError(block);
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(fitted.ReferenceChunkErrors[k]));
        }
    }

    [Fact]
    public void Encoding_OneHotWithOtherAndMissing_NewCategoryRaisesTheError()
    {
        var reference = CorrelationFlip.Window(1000, 0.8, seed: 5);
        var detector = new MultivariateDriftDetector(new MultivariateDriftOptions { Methods = MultivariateDriftMethods.Reconstruction, MaxCategories = 2 });
        var fitted = detector.Fit(reference);
        Assert.Equal(
            ["income", "loan_amount", "age", "tenure", "region=north", "region=south", "region=(other)", "region=(missing)"],
            fitted.FeatureNames);

        var window = CorrelationFlip.Window(300, 0.8, seed: 6);
        var region = Enumerable.Range(0, 300).Select(i => i % 3 == 0 ? "east" : i % 3 == 1 ? null : "north").ToArray();
        var changed = TabularData.CreateBuilder();
        foreach (var column in window.Columns.Where(c => c.Name != "region"))
        {
            changed.AddColumn(column);
        }

        var report = detector.Compare(fitted, changed.AddCategorical("region", region).Build());
        Assert.True(report.Reconstruction!.IsDrifted, report.Summary());
    }

    [Fact]
    public void Compare_MissingColumn_ThrowsNamingIt()
    {
        var detector = new MultivariateDriftDetector();
        var fitted = detector.Fit(CorrelationFlip.Window(1000, 0.8, seed: 7));
        var window = TabularData.CreateBuilder().AddNumeric("income", new double[] { 1, 2, 3 }).Build();
        var error = Assert.Throws<ArgumentException>(() => detector.Compare(fitted, window));
        Assert.Contains("'loan_amount'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_TooFewRowsForTheChunks_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new MultivariateDriftDetector().Fit(CorrelationFlip.Window(99, 0.8, seed: 8)));
        Assert.Contains("100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_TinyWindow_SkipsTheClassifierAndSaysWhy()
    {
        var detector = new MultivariateDriftDetector();
        var report = detector.Compare(detector.Fit(CorrelationFlip.Window(1000, 0.8, seed: 9)), CorrelationFlip.Window(3, 0.8, seed: 10));
        Assert.Null(report.DomainClassifier);
        Assert.Null(report.Mmd);
        Assert.Equal(2, report.Notes.Count);
        Assert.NotNull(report.Reconstruction);
    }

    [Fact]
    public void Compare_LargeWindows_UseTheLinearTimeMmd()
    {
        var detector = new MultivariateDriftDetector(new MultivariateDriftOptions
        {
            Methods = MultivariateDriftMethods.MaximumMeanDiscrepancy, LinearTimeMmdRows = 500,
        });
        var report = detector.Compare(detector.Fit(CorrelationFlip.Window(2000, 0.8, seed: 11)), CorrelationFlip.Window(1000, 0.8, seed: 12));
        Assert.Equal(MmdEstimator.LinearTime, report.Mmd!.Estimator);
        Assert.Equal(1000, report.Mmd.CurrentRows);
    }

    [Fact]
    public void Report_RoundTripsThroughJson_RendersMarkdown_AndRaisesAnEvent()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
        var detector = new MultivariateDriftDetector(timeProvider: time);
        var reference = CorrelationFlip.Window(1000, 0.8, seed: 13);
        var report = detector.Compare(detector.Fit(reference), CorrelationFlip.RepairedFlip(reference, seed: 14));

        var json = report.ToJson();
        var back = MultivariateDriftReport.FromJson(json);
        Assert.Equal(report.Reconstruction, back.Reconstruction);
        Assert.Equal(report.Mmd, back.Mmd);
        Assert.Equal(report.DomainClassifier!.Importance, back.DomainClassifier!.Importance);
        Assert.Equal(time.GetUtcNow(), back.GeneratedAt);
        using (var document = JsonDocument.Parse(json))
        {
            Assert.Equal("High", document.RootElement.GetProperty("severity").GetString());
        }

        var markdown = report.ToMarkdown();
        Assert.Contains("Multivariate drift: **YES**", markdown, StringComparison.Ordinal);
        Assert.Contains("| PCA reconstruction error |", markdown, StringComparison.Ordinal);
        Assert.Contains("| income |", markdown, StringComparison.Ordinal);

        var driftEvent = report.ToDriftEvent("credit-scoring");
        Assert.Equal(DriftEventKind.MultivariateDrift, driftEvent.Kind);
        Assert.Equal(Severity.High, driftEvent.Severity);
        Assert.Contains("domain classifier AUC", driftEvent.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_OptionOutOfRange_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MultivariateDriftDetector(new MultivariateDriftOptions { ReferenceChunks = 2 }));

    private static bool Stress => Environment.GetEnvironmentVariable("AIGOV_STRESS") == "1";

    private static MultivariateDriftDetector Detector() => new(new MultivariateDriftOptions
    {
        Methods = MultivariateDriftMethods.Reconstruction | MultivariateDriftMethods.DomainClassifier,
        MaxRowsPerSide = 500,
    });

    private static DataDriftOptions KolmogorovSmirnovEverywhere()
    {
        var options = new DataDriftOptions();
        foreach (var column in new[] { "income", "loan_amount", "age", "tenure" })
        {
            options.ColumnMethods[column] = DriftMethod.KolmogorovSmirnov;
        }

        return options;
    }
}
