namespace AiGovernance.Statistics.Tests.Multivariate;

public class MeanEmbeddingDistanceTests
{
    [Fact]
    public void Test_DistancesAreThoseOfTheMeanVectors()
    {
        float[] x = [1, 0, 3, 0];     // rows (1, 0), (3, 0): mean (2, 0)
        float[] y = [0, 1, 0, 3, 0, 2]; // mean (0, 2)
        var result = MeanEmbeddingDistance.Test(x, y, 2, new MeanEmbeddingDistanceOptions { Permutations = 50, Seed = 1 });
        Assert.Equal(Math.Sqrt(8), result.Euclidean, 14);
        Assert.Equal(1.0, result.Cosine, 14);
        Assert.Equal(50, result.Permutations);
        Assert.Equal((2, 3), (result.FirstRows, result.SecondRows));
        var doubles = MeanEmbeddingDistance.Test(x.Select(v => (double)v).ToArray(), y.Select(v => (double)v).ToArray(), 2, new MeanEmbeddingDistanceOptions { Permutations = 50, Seed = 1 });
        Assert.Equal(result, doubles);
    }

    [Fact]
    public void Test_UnderNoShift_RejectsAtRateAlpha_Over300SeededRuns()
    {
        // B = 99, α = 0.05: exactly level α. 300 runs: Binomial(300, 0.05) = 15 ± 3.8, slack ±3.3 sd: [3, 27].
        int euclidean = 0, cosine = 0;
        for (var run = 0; run < 300; run++)
        {
            var x = MultivariateData.Normal(40, 8, seed: 7000 + (2 * run), shift: 1).Select(v => (float)v).ToArray();
            var y = MultivariateData.Normal(30, 8, seed: 7001 + (2 * run), shift: 1).Select(v => (float)v).ToArray();
            var result = MeanEmbeddingDistance.Test(x, y, 8, new MeanEmbeddingDistanceOptions { Permutations = 99, Seed = run });
            euclidean += result.EuclideanPValue <= 0.05 ? 1 : 0;
            cosine += result.CosinePValue <= 0.05 ? 1 : 0;
        }

        Assert.InRange(euclidean, 3, 27);
        Assert.InRange(cosine, 3, 27);
    }

    [Fact]
    public void Test_ShiftedMean_IsDetected()
    {
        var x = MultivariateData.Normal(100, 16, seed: 1, shift: 1);
        var y = MultivariateData.Normal(100, 16, seed: 2, shift: 1.4);
        var result = MeanEmbeddingDistance.Test(x, y, 16, new MeanEmbeddingDistanceOptions { Permutations = 199, Seed = 3 });
        Assert.Equal(0.005, result.EuclideanPValue);
    }

    [Fact]
    public void Test_ZeroMean_HasNoCosine()
    {
        var result = MeanEmbeddingDistance.Test([1.0, -1.0], [2.0, 3.0], 1, new MeanEmbeddingDistanceOptions { Permutations = 10, Seed = 1 });
        Assert.True(double.IsNaN(result.Cosine));
        Assert.True(double.IsNaN(result.CosinePValue));
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => MeanEmbeddingDistance.Test([1f, 2f, 3f], [1f, 2f], 2, new MeanEmbeddingDistanceOptions { Permutations = 10, Seed = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => MeanEmbeddingDistance.Test([1f, 2f], [1f, 2f], 2, new MeanEmbeddingDistanceOptions { Permutations = 0, Seed = 1 }));
        Assert.Throws<ArgumentException>(() => MeanEmbeddingDistance.Test([1f, float.PositiveInfinity], [1f, 2f], 2, new MeanEmbeddingDistanceOptions { Permutations = 10, Seed = 1 }));
    }
}
