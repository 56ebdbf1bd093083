namespace AiGovernance.Statistics.Tests.Multivariate;

public class DomainClassifierTests
{
    [Fact]
    public void RidgeLogisticRegression_ReachesTheExactOptimum_WhichScikitLearnApproaches()
    {
        foreach (var c in MultivariateData.Section("logistic").EnumerateArray())
        {
            var p = c.GetProperty("columns").GetInt32();
            var beta = RidgeLogisticRegression.Fit(c.Ds("features"), c.Ds("labels"), p, c.D("penalty"));
            var exact = c.Ds("coefficients");
            var sklearn = c.Ds("sklearn");
            for (var j = 0; j <= p; j++)
            {
                Reference.AssertClose(exact[j], beta[j], c.Name() + $" β{j}");

                // scikit-learn 1.2's lbfgs (C = 1/λ, tol 1e-12) stops about 1e-5 short of the optimum.
                Reference.AssertClose(sklearn[j], beta[j], c.Name() + $" β{j} vs scikit-learn", rtol: 1e-4, atol: 1e-4);
            }
        }
    }

    [Fact]
    public void DeLong_MatchesTheDirectPairwiseComputation()
    {
        foreach (var c in MultivariateData.Section("delong").EnumerateArray())
        {
            var positives = c.Ds("positives");
            var negatives = c.Ds("negatives");
            var scores = positives.Concat(negatives).ToArray();
            var labels = positives.Select(_ => true).Concat(negatives.Select(_ => false)).ToArray();
            var result = DeLong.Auc(labels, scores);
            Reference.AssertClose(c.D("auc"), result.Auc, c.Name() + " auc");
            Reference.AssertClose(c.D("variance"), result.Variance, c.Name() + " variance");
        }
    }

    [Fact]
    public void Test_CorrelationFlip_IsSeenWithSecondOrderFeatures_NotWithLinearOnes()
    {
        var reference = MultivariateData.Correlated(600, 0.8, 2, seed: 1);
        var current = MultivariateData.Correlated(600, -0.8, 2, seed: 2);
        var quadratic = DomainClassifier.Test(reference, current, 4, new DomainClassifierOptions { SecondOrderFeatures = true });
        var linear = DomainClassifier.Test(reference, current, 4, new DomainClassifierOptions());

        Assert.True(quadratic.Lower > 0.75, $"AUC {quadratic.Auc} [{quadratic.Lower}, {quadratic.Upper}]");
        Assert.True(linear.Lower < 0.5 && linear.Upper > 0.45, $"a linear score cannot see it: AUC {linear.Auc} [{linear.Lower}, {linear.Upper}]");

        // The product of the two correlated columns carries the signal: they get nearly all the weight.
        Assert.True(quadratic.FeatureImportance[0] + quadratic.FeatureImportance[1] > 0.8, string.Join(", ", quadratic.FeatureImportance));
        Assert.Equal(1.0, quadratic.FeatureImportance.Sum(), 12);
    }

    [Fact]
    public void Test_MeanShift_PointsAtTheShiftedColumn()
    {
        var reference = MultivariateData.Normal(400, 3, seed: 3);
        var current = MultivariateData.Normal(400, 3, seed: 4);
        for (var i = 0; i < 400; i++)
        {
            current[(i * 3) + 2] += 0.8;
        }

        var result = DomainClassifier.Test(reference, current, 3, null);
        Assert.True(result.Lower > 0.6, $"AUC {result.Auc}");
        Assert.Equal(2, result.FeatureImportance.Select((v, i) => (v, i)).MaxBy(t => t.v).i);
        Assert.Equal(0.95, result.ConfidenceLevel);
        Assert.Equal(5, result.Folds);
    }

    [Fact]
    public void Test_NoShift_LowerBoundExceedsAHalf_InAtMost5PercentOf200Runs()
    {
        // 200 seeded runs of 200 vs 200 rows. A false alarm needs the 95 % interval's lower end above 0.5, which a
        // one-sided 2.5 % test would do 5 times in 200 (sd 2.2); cross-validated AUCs sit slightly below 0.5 under no
        // shift, which makes it rarer still. Allowed: at most 10 (5 %, the false-alarm bound).
        int falseAlarms = 0, below = 0;
        for (var run = 0; run < 200; run++)
        {
            var result = DomainClassifier.Test(MultivariateData.Normal(200, 3, seed: 100 + (2 * run)), MultivariateData.Normal(200, 3, seed: 101 + (2 * run)), 3, null);
            falseAlarms += result.Lower > 0.5 ? 1 : 0;
            below += result.Auc < 0.5 ? 1 : 0;
        }

        Assert.True(falseAlarms <= 10, $"{falseAlarms} false alarms in 200");
        Assert.True(below > 100, $"cross-validation is pessimistic under no shift: {below} of 200 AUCs below 0.5");
    }

    [Fact]
    public void Test_LargeSides_AreReplacedBySeededSamples()
    {
        var result = DomainClassifier.Test(MultivariateData.Normal(300, 2, 7), MultivariateData.Normal(40, 2, 8), 2, new DomainClassifierOptions { MaxRowsPerSide = 100 });
        Assert.Equal(100, result.ReferenceRows);
        Assert.Equal(40, result.CurrentRows);
    }

    [Fact]
    public void Test_FloatRowsOnPrincipalComponents_SeesAShiftAlongTheLeadingDirection()
    {
        // 64 dimensions sharing one latent factor (as topics load on many embedding dimensions) plus noise; the current
        // sample's factor is shifted by half its standard deviation.
        static float[] Rows(int rows, double factorMean, long seed)
        {
            var noise = MultivariateData.Normal(rows, 64, seed);
            var factor = MultivariateData.Normal(rows, 1, seed + 1, factorMean);
            return noise.Select((v, i) => (float)((0.5 * v) + (2 * factor[i / 64]))).ToArray();
        }

        var result = DomainClassifier.Test(Rows(300, 0, 31), Rows(300, 0.5, 33), 64, new DomainClassifierOptions { PrincipalComponents = 10 });
        Assert.Equal(10, result.FeatureImportance.Count);
        Assert.True(result.Lower > 0.55, $"AUC {result.Auc} [{result.Lower}, {result.Upper}]");
        Assert.True(result.FeatureImportance[0] > 0.5, string.Join(", ", result.FeatureImportance));
    }

    [Fact]
    public void Test_SameSeed_SameResult()
    {
        var reference = MultivariateData.Normal(60, 2, seed: 5);
        var current = MultivariateData.Normal(60, 2, seed: 6, shift: 0.3);
        var a = DomainClassifier.Test(reference, current, 2, null);
        var b = DomainClassifier.Test(reference, current, 2, null);
        Assert.Equal(a.Auc, b.Auc);
        Assert.Equal(a.FeatureImportance, b.FeatureImportance);
    }

    [Fact]
    public void PValueAbove_IsTheOneSidedDeLongTail()
    {
        var result = new DomainClassifierResult(0.6, 0.02, 0.56, 0.64, 0.95, [1.0], 5, 100, 100);
        Assert.Equal(MathNet.Numerics.Distributions.Normal.CDF(0, 1, -(0.6 - 0.52) / 0.02), result.PValueAbove(0.52), 15);
        Assert.Equal(0.5, result.PValueAbove(0.6), 15);
        Assert.Equal(0.0, (result with { StandardError = 0 }).PValueAbove(0.5));
        Assert.Equal(1.0, (result with { StandardError = 0 }).PValueAbove(0.7));
        Assert.Throws<ArgumentOutOfRangeException>(() => result.PValueAbove(1));
    }

    [Fact]
    public void PValueAbove_ThresholdZero_IsInTheDocumentedRange()
    {
        // [0, 1) includes 0: Φ̄((0.75 − 0)/0.25) = Φ̄(3) = scipy.stats.norm.sf(3) = 0.0013498980316300933.
        var result = new DomainClassifierResult(0.75, 0.25, 0.26, 1, 0.95, [1.0], 5, 100, 100);
        Assert.Equal(0.0013498980316300933, result.PValueAbove(0), 15);
    }

    [Fact]
    public void Test_ConstantColumns_GiveAllZeroImportances()
    {
        // Every column is constant, so every standardised feature is 0 and the ridge penalty keeps every coefficient at 0:
        // the documented importances are then all 0 (not 0/0), and every out-of-fold score is ½, an AUC of ½.
        var reference = Enumerable.Repeat(new[] { 3.0, -1.5 }, 20).SelectMany(r => r).ToArray();
        var current = Enumerable.Repeat(new[] { 3.0, -1.5 }, 25).SelectMany(r => r).ToArray();
        var result = DomainClassifier.Test(reference, current, 2, null);
        Assert.Equal([0.0, 0.0], result.FeatureImportance);
        Assert.Equal(0.5, result.Auc);
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => DomainClassifier.Test([1, 2, 3, 4], MultivariateData.Normal(10, 1, 1), 1, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => DomainClassifier.Test(MultivariateData.Normal(10, 1, 1), MultivariateData.Normal(10, 1, 2), 1, new DomainClassifierOptions { Folds = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => DomainClassifier.Test(MultivariateData.Normal(10, 1, 1), MultivariateData.Normal(10, 1, 2), 1, new DomainClassifierOptions { RidgePenalty = 0 }));
        Assert.Throws<ArgumentException>(() => DomainClassifier.Test(MultivariateData.Normal(10, 2, 1), [1, 2, 3, double.NaN, 5, 6, 7, 8, 9, 10], 2, null));
    }
}
