using AiGovernance.Statistics;

namespace AiGovernance.Readme.Tests.Snippets;

/// <summary>The ```csharp blocks of src/AiGovernance.Statistics/README.md.</summary>
public class StatisticsSnippets
{
    [Fact]
    public void MannWhitney_HodgesLehmann_SampleSize()
    {
        var baselineLatencies = SnippetData.Normal(400, 120, 15, seed: 1);
        var canaryLatencies = SnippetData.Normal(300, 135, 15, seed: 2);
        var fittedBaseline = SortedSample.Create(baselineLatencies);

        var canary = MannWhitney.Test(canaryLatencies, fittedBaseline, Alternative.Greater);
        var shift = MannWhitney.HodgesLehmann(canaryLatencies, baselineLatencies); // estimate + [Lower, Upper]
        var n = PowerAnalysis.SampleSizeTwoProportions(baselineRate: 0.10, expectedRate: 0.12); // ≈ 3834.6 per group

        Assert.True(canary.PValue < 1e-20);
        Assert.InRange(shift.Estimate, 12, 18);
        Assert.True(shift.Lower < shift.Estimate && shift.Estimate < shift.Upper);
        Assert.Equal(3834.6, n, 0.05);
    }

    [Fact]
    public void Multivariate_Mmd_Pca_DomainClassifier_MeanEmbeddings()
    {
        const int dimension = 3;
        var referenceRows = SnippetData.Normal(300 * dimension, 0, 1, seed: 11);
        var currentRows = SnippetData.Normal(200 * dimension, 0.4, 1, seed: 12);
        var referenceEmbeddings = SnippetData.Normal(200 * 384, 0, 1, seed: 13).Select(v => (float)v).ToArray();
        var currentEmbeddings = SnippetData.Normal(200 * 384, 1.0, 1, seed: 14).Select(v => (float)v).ToArray();

        var mmd = MaximumMeanDiscrepancy.PermutationTest(referenceRows, currentRows, dimension, new MmdOptions { Permutations = 500, Seed = 7 });
        var fast = MaximumMeanDiscrepancy.LinearTimeTest(referenceEmbeddings, currentEmbeddings, 384, null);   // O(n·d), for 100k+ rows
        var pca = PrincipalComponentModel.Fit(referenceRows, dimension, explainedVariance: 0.65);
        double error = pca.MeanReconstructionError(currentRows);
        var classifier = DomainClassifier.Test(referenceRows, currentRows, dimension, new DomainClassifierOptions { SecondOrderFeatures = true });
        // classifier.Auc with classifier.Lower/Upper (DeLong), classifier.FeatureImportance per column
        var means = MeanEmbeddingDistance.Test(referenceEmbeddings, currentEmbeddings, 384, null);   // Euclidean and cosine, permutation p

        Assert.True(mmd.PValue < 0.01);
        Assert.True(fast.PValue < 0.01);
        Assert.True(error > 0);
        Assert.True(classifier.Lower > 0.5);
        Assert.True(means.EuclideanPValue < 0.01);
    }

    [Fact]
    public void Distances_Psi_MergeableProfiles()
    {
        var trainingValues = SnippetData.Normal(5_000, 0, 1, seed: 3);
        var productionValues = SnippetData.Normal(5_000, 0.5, 1, seed: 4);
        double[] p = [0.5, 0.5, 0.0];
        double[] q = [0.0, 0.5, 0.5];
        var partitionValues = productionValues[..2_500];
        // Profiles built elsewhere on the same reference edges (BinEdges compare by value).
        var sameEdges = BinEdges.Quantile(SortedSample.Create(trainingValues), 10);
        var referenceProfile = ColumnProfile.CreateNumeric(new ColumnProfileOptions { Edges = sameEdges, SketchK = 200, SketchSeed = 42 });
        referenceProfile.Add(trainingValues);
        var otherPart = ColumnProfile.CreateNumeric(new ColumnProfileOptions { Edges = sameEdges, SketchK = 200, SketchSeed = 42 });
        otherPart.Add(productionValues.AsSpan(2_500));

        // Fit the reference once, reuse it for every window.
        var reference = SortedSample.Create(trainingValues);
        var edges = BinEdges.Quantile(reference, bins: 10);           // R7 quantile cut points, duplicates collapsed
        double psi = PopulationStabilityIndex.Compute(edges, trainingValues, productionValues);
        PsiResult detail = PopulationStabilityIndex.Analyze(reference, productionValues, new PsiOptions { Bins = 10 });
        PsiBin moved = detail.LargestContribution();                  // which bin moved, with counts and proportions

        double js = Divergence.JensenShannonDistance(p, q, logBase: 2); // = scipy.spatial.distance.jensenshannon
        double w = Wasserstein.Distance(reference, productionValues);   // = scipy.stats.wasserstein_distance
        double wNorm = Wasserstein.NormalizedDistance(reference, productionValues); // ÷ population std (np.std), floor 0.001

        // Per-partition profiles merge into the whole-data answer.
        var options = new ColumnProfileOptions { Edges = edges, SketchK = 200, SketchSeed = 42 };
        var part = ColumnProfile.CreateNumeric(options);
        part.Add(partitionValues);                                    // NaN counts as missing
        string json = part.ToJson();                                   // source-generated System.Text.Json (AOT-safe)
        var whole = ColumnProfile.Merge(ColumnProfile.FromJson(json), otherPart);
        PsiResult psiFromProfiles = ProfileComparison.PopulationStabilityIndex(referenceProfile, whole);   // exact
        SketchEstimate ks = ProfileComparison.KolmogorovSmirnovStatistic(referenceProfile, whole);       // approximate, with bound

        Assert.InRange(psi, 0.15, 0.4);                               // a half-σ shift
        Assert.Equal(psi, detail.Value, 1e-12);
        Assert.Equal(detail.Bins.Max(b => b.Contribution), moved.Contribution);
        Assert.Equal(Math.Sqrt(0.5), js, 1e-12);                      // JS divergence of two half-overlapping pmfs is 0.5 bit
        Assert.InRange(w, 0.4, 0.6);
        Assert.InRange(wNorm, 0.4, 0.6);
        Assert.Equal(5_000, whole.Count);
        Assert.Equal(psi, psiFromProfiles.Value, 1e-9);               // profiles give the exact PSI
        var exactKs = KolmogorovSmirnov.TwoSample(reference, productionValues).Statistic;
        Assert.InRange(exactKs, ks.Value - ks.ErrorBound, ks.Value + ks.ErrorBound);
    }

    [Fact]
    public void KolmogorovSmirnov_TwoSampleAndOneSample()
    {
        var trainingFeature = SnippetData.Normal(2_000, 0, 1, seed: 5);
        var productionWindow = SnippetData.Normal(1_000, 0.3, 1, seed: 6);
        var residuals = SnippetData.Normal(500, 0, 1, seed: 7);

        // Fit the reference once; each window then costs a few linear passes and no sort.
        var reference = SortedSample.Create(trainingFeature);
        var result = KolmogorovSmirnov.TwoSample(reference, productionWindow);
        if (result.PValue < 0.01) { /* drift: result.Statistic, result.StatisticLocation */ }

        // One sample against a known distribution.
        var fit = KolmogorovSmirnov.OneSample(residuals, v => MathNet.Numerics.Distributions.Normal.CDF(0, 1, v));

        Assert.True(result.PValue < 0.01);
        Assert.InRange(result.Statistic, 0.08, 0.2);
        Assert.True(fit.PValue > 0.01);
    }
}
