using AiGovernance.Statistics.Sampling;

namespace AiGovernance.Statistics.Tests.Sampling;

/// <summary>Each sampler draws from the distribution its parameters name: the mean and variance of 40,000 seeded draws lie
/// within 5 standard errors of the theoretical values (the standard error of the mean is √(σ²/n); of the variance,
/// √((μ₄ − σ⁴)/n) from the fourth central moment). With a fixed seed the test is deterministic; 5 standard errors would be
/// exceeded by chance with probability below 1e-6 per check for a correct sampler, while swapped parameters (mean for
/// standard deviation, rate for scale, α for β) move a moment by tens of standard errors.</summary>
public sealed class RandomVariatesTests
{
    private const int N = 40_000;

    [Theory]
    [InlineData(3.0, 2.0)]
    [InlineData(-1.5, 0.25)]
    public void Normal_HasTheNamedMeanAndVariance(double mean, double sd)
    {
        var draws = Draw(1, r => RandomVariates.Normal(r, mean, sd));
        AssertMoments(draws, mean, sd * sd, fourthCentral: 3 * Math.Pow(sd, 4));
    }

    [Fact]
    public void LogNormal_HasTheMeanAndVarianceOfItsLogarithm()
    {
        var logs = Draw(2, r => Math.Log(RandomVariates.LogNormal(r, 1.2, 0.4)));
        AssertMoments(logs, 1.2, 0.16, fourthCentral: 3 * Math.Pow(0.4, 4));
    }

    [Fact]
    public void Beta_HasTheMeanAndVarianceOfBetaTwoAndFive()
    {
        const double a = 2, b = 5;
        var mean = a / (a + b);
        var variance = a * b / ((a + b) * (a + b) * (a + b + 1));
        var excessKurtosis = 6 * ((((a - b) * (a - b)) * (a + b + 1)) - (a * b * (a + b + 2))) / (a * b * (a + b + 2) * (a + b + 3));
        var draws = Draw(3, r => RandomVariates.Beta(r, a, b));
        AssertMoments(draws, mean, variance, fourthCentral: (excessKurtosis + 3) * variance * variance);
    }

    [Fact]
    public void Exponential_TakesARate_MeanIsItsInverse()
    {
        var draws = Draw(4, r => RandomVariates.Exponential(r, 4.0));
        AssertMoments(draws, 0.25, 0.0625, fourthCentral: 9 * Math.Pow(0.25, 4));
    }

    [Fact]
    public void Poisson_HasMeanAndVarianceLambda()
    {
        const double lambda = 3.5;
        var draws = Draw(5, r => RandomVariates.Poisson(r, lambda));
        AssertMoments(draws, lambda, lambda, fourthCentral: lambda * (1 + (3 * lambda)));
    }

    [Fact]
    public void DiscreteUniform_IncludesBothEnds_AndIsFlat()
    {
        var counts = new int[4];
        var random = new SplitMix64RandomSource(6);
        for (var i = 0; i < N; i++)
        {
            counts[RandomVariates.DiscreteUniform(random, 1, 4) - 1]++;
        }

        // Each count is Binomial(N, 1/4): standard deviation √(N·¼·¾) ≈ 86.6; 5 of them is 433.
        Assert.All(counts, c => Assert.InRange(c, (N / 4) - 433, (N / 4) + 433));
    }

    [Fact]
    public void Categorical_DrawsInProportionToUnnormalisedWeights()
    {
        var counts = new int[3];
        var random = new SplitMix64RandomSource(7);
        for (var i = 0; i < N; i++)
        {
            counts[RandomVariates.Categorical(random, [1, 0, 3])]++;
        }

        Assert.Equal(0, counts[1]);
        // counts[2] is Binomial(N, 3/4): standard deviation ≈ 86.6; 5 of them is 433.
        Assert.InRange(counts[2], (3 * N / 4) - 433, (3 * N / 4) + 433);
    }

    [Fact]
    public void SameSeed_SameDraws()
    {
        Assert.Equal(Draw(8, r => RandomVariates.Normal(r, 0, 1)), Draw(8, r => RandomVariates.Normal(r, 0, 1)));
    }

    [Theory]
    [InlineData(double.NaN, 1.0, "mean")]
    [InlineData(0.0, -1.0, "standardDeviation")]
    [InlineData(0.0, double.PositiveInfinity, "standardDeviation")]
    public void Normal_OutOfRangeParameter_NamesIt(double mean, double sd, string name)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => RandomVariates.Normal(new SplitMix64RandomSource(1), mean, sd));
        Assert.Equal(name, error.ParamName);
    }

    [Fact]
    public void Categorical_NullArguments_ThrowArgumentNullExceptionNamingThem()
    {
        // Documented: a null generator or weights throws ArgumentNullException naming it (not a NullReferenceException
        // from inside MathNet's sampler).
        Assert.Equal("random", Assert.Throws<ArgumentNullException>(() => RandomVariates.Categorical(null!, [1.0, 2.0])).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentNullException>(
            () => RandomVariates.Categorical(new SplitMix64RandomSource(1), null!)).ParamName);
    }

    [Fact]
    public void Categorical_AllZeroOrNegativeWeights_AreRefused()
    {
        var random = new SplitMix64RandomSource(1);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => RandomVariates.Categorical(random, [0, 0])).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => RandomVariates.Categorical(random, [1, -1])).ParamName);
        Assert.Equal("rate", Assert.Throws<ArgumentOutOfRangeException>(() => RandomVariates.Exponential(random, 0)).ParamName);
        Assert.Equal("upper", Assert.Throws<ArgumentOutOfRangeException>(() => RandomVariates.DiscreteUniform(random, 3, 2)).ParamName);
    }

    private static double[] Draw(long seed, Func<Random, double> sample)
    {
        var random = new SplitMix64RandomSource(seed);
        var draws = new double[N];
        for (var i = 0; i < N; i++)
        {
            draws[i] = sample(random);
        }

        return draws;
    }

    private static void AssertMoments(double[] draws, double mean, double variance, double fourthCentral)
    {
        var m = draws.Average();
        var v = draws.Sum(x => (x - m) * (x - m)) / (draws.Length - 1);
        var meanError = Math.Sqrt(variance / draws.Length);
        var varianceError = Math.Sqrt((fourthCentral - (variance * variance)) / draws.Length);
        Assert.InRange(m, mean - (5 * meanError), mean + (5 * meanError));
        Assert.InRange(v, variance - (5 * varianceError), variance + (5 * varianceError));
    }
}
