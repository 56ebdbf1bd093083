using AiGovernance.Core;
using AiGovernance.Monitoring.Embeddings;
using AiGovernance.Monitoring.Responses;
using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.Tests.Embeddings;

public class EmbeddingDriftDetectorTests
{
    private static bool Stress => Environment.GetEnvironmentVariable("AIGOV_STRESS") == "1";

    private static EmbeddingDriftDetector Detector() => new(new EmbeddingDriftOptions { MaxRowsPerSide = 400, Permutations = 200 });

    [Fact]
    public void TopicMixtureChangeOf20Percent_IsDetected_InAtLeast95PercentOfSeededRuns()
    {
        // 20 seeded runs (AIGOV_STRESS=1: 200) of 400 reference vs 400 current 384-dimension embeddings.
        var runs = Stress ? 200 : 20;
        int mmd = 0, classifier = 0, mean = 0, any = 0;
        var detector = Detector();
        for (var run = 0; run < runs; run++)
        {
            var reference = detector.Fit(SyntheticEmbeddings.Sample(400, SyntheticEmbeddings.Uniform, 100 + (4 * run)));
            var report = detector.Compare(reference, SyntheticEmbeddings.Sample(400, SyntheticEmbeddings.Shifted, 102 + (4 * run)));
            mmd += report.Mmd!.IsDrifted ? 1 : 0;
            classifier += report.DomainClassifier!.IsDrifted ? 1 : 0;
            mean += report.MeanDistance!.IsDrifted ? 1 : 0;
            any += report.IsDrifted ? 1 : 0;
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"embedding topic-mixture change, {runs} runs: MMD {mmd}, classifier {classifier}, mean distance {mean}, any {any}");
        Assert.True(mmd >= runs * 0.95, $"MMD detected {mmd} of {runs}");
        Assert.True(mean >= runs * 0.95, $"mean distance detected {mean} of {runs}");
        Assert.True(any >= runs * 0.95, $"any method detected {any} of {runs}");
        Assert.True(classifier >= runs * 0.5, $"classifier detected {classifier} of {runs}");
    }

    [Fact]
    public void UnchangedMixture_IsQuiet_InAtLeast95PercentOfSeededRuns()
    {
        // The three methods' p-values are Holm-corrected together at 5 %, so any of them alarms in at most about 5 % of runs.
        var runs = Stress ? 200 : 40;
        int mmd = 0, classifier = 0, mean = 0, any = 0;
        var detector = Detector();
        for (var run = 0; run < runs; run++)
        {
            var reference = detector.Fit(SyntheticEmbeddings.Sample(400, SyntheticEmbeddings.Uniform, 5000 + (4 * run)));
            var report = detector.Compare(reference, SyntheticEmbeddings.Sample(400, SyntheticEmbeddings.Uniform, 5002 + (4 * run)));
            mmd += report.Mmd!.IsDrifted ? 1 : 0;
            classifier += report.DomainClassifier!.IsDrifted ? 1 : 0;
            mean += report.MeanDistance!.IsDrifted ? 1 : 0;
            any += report.IsDrifted ? 1 : 0;
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"embedding unchanged, {runs} runs: false alarms MMD {mmd}, classifier {classifier}, mean distance {mean}, any {any}");

        // Binomial(40, 0.05): P(more than 6) ≈ 0.3 %; at 200 runs, at most 5 % + 3.3 sd = 10 + 10.
        var limit = Stress ? 20 : 6;
        Assert.True(mmd <= limit, $"MMD false alarms {mmd} of {runs}");
        Assert.True(classifier <= limit, $"classifier false alarms {classifier} of {runs}");
        Assert.True(mean <= limit, $"mean-distance false alarms {mean} of {runs}");
        Assert.True(any <= limit, $"report-level false alarms {any} of {runs}");
    }

    [Fact]
    public void Report_RoundTripsThroughJson_AndRaisesAnEmbeddingDriftEvent()
    {
        var detector = Detector();
        var reference = detector.Fit(SyntheticEmbeddings.Sample(300, SyntheticEmbeddings.Uniform, 1));
        var report = detector.Compare(reference, SyntheticEmbeddings.Sample(300, [0, 0, 0, 0, 0.25, 0.25, 0.25, 0.25], 2));
        Assert.Equal(3, report.DriftedMethodCount);
        Assert.Equal(Severity.High, report.Severity);
        var back = EmbeddingDriftReport.FromJson(report.ToJson());
        Assert.Equal(report.Mmd, back.Mmd);
        Assert.Equal(report.MeanDistance, back.MeanDistance);
        Assert.Contains("| Mean embedding distance |", report.ToMarkdown(), StringComparison.Ordinal);
        var driftEvent = report.ToDriftEvent("support-bot", "prompts");
        Assert.Equal(DriftEventKind.EmbeddingDrift, driftEvent.Kind);
        Assert.Equal("prompts", driftEvent.Subject);
        Assert.Equal(Severity.High, driftEvent.Severity);
    }

    [Fact]
    public void Compare_LargeSides_UseTheLinearTimeMmd_OnEveryVector()
    {
        var detector = new EmbeddingDriftDetector(new EmbeddingDriftOptions
        {
            Methods = EmbeddingDriftMethods.MaximumMeanDiscrepancy, LinearTimeMmdRows = 100,
        });
        var report = detector.Compare(
            detector.Fit(SyntheticEmbeddings.Sample(300, SyntheticEmbeddings.Uniform, 3)),
            SyntheticEmbeddings.Sample(200, SyntheticEmbeddings.Uniform, 4));
        Assert.Equal(MmdEstimator.LinearTime, report.Mmd!.Estimator);
        Assert.Equal(200, report.Mmd.CurrentRows);
        Assert.Null(report.DomainClassifier);
    }

    [Fact]
    public void Vectors_OfAnotherDimension_OrNonFinite_AreRejectedByIndex()
    {
        var detector = new EmbeddingDriftDetector();
        var reference = detector.Fit([[1f, 2f], [2f, 1f], [0f, 1f]]);
        var wrong = Assert.Throws<ArgumentException>(() => detector.Compare(reference, [[1f, 2f], [1f, 2f, 3f]]));
        Assert.Contains("Vector 1 has 3 components", wrong.Message, StringComparison.Ordinal);
        var nan = Assert.Throws<ArgumentException>(() => detector.Compare(reference, [[1f, float.NaN]]));
        Assert.Contains("component 1", nan.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => detector.Fit([[1f]]));
        Assert.Throws<ArgumentNullException>(() => detector.Fit([[1f], null!]));
    }

    [Fact]
    public void Compare_TooFewVectors_SkipsMethodsAndSaysWhy()
    {
        var detector = new EmbeddingDriftDetector();
        var report = detector.Compare(detector.Fit(SyntheticEmbeddings.Sample(50, SyntheticEmbeddings.Uniform, 5)), SyntheticEmbeddings.Sample(3, SyntheticEmbeddings.Uniform, 6));
        Assert.Null(report.Mmd);
        Assert.Null(report.DomainClassifier);
        Assert.NotNull(report.MeanDistance);
        Assert.Equal(2, report.Notes.Count);
    }
}
