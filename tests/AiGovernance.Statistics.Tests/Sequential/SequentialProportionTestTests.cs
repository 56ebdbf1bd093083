using MathNet.Numerics.Distributions;

namespace AiGovernance.Statistics.Tests.Sequential;

public class SequentialProportionTestTests
{
    [Fact]
    public void LikelihoodRatio_MatchesTheDocumentedFormula()
    {
        // θ̂ = 30/1000 − 10/1000 = 0.02; p̄ = 0.02; V = 0.02·0.98·(2/1000) = 3.92e-5; τ² = 1e-4.
        const double v = 0.02 * 0.98 * 0.002, tau2 = 1e-4, theta = 0.02;
        var expected = Math.Sqrt(v / (v + tau2)) * Math.Exp(tau2 * theta * theta / (2 * v * (v + tau2)));
        Reference.AssertClose(expected, SequentialProportionTest.LikelihoodRatio(10, 1000, 30, 1000, tau2), "Λ", rtol: 1e-12);
        Reference.AssertClose(Math.Min(1, 1 / expected), SequentialProportionTest.AlwaysValidPValue(10, 1000, 30, 1000, tau2), "p", rtol: 1e-12);
    }

    [Fact]
    public void LikelihoodRatio_MatchesTheDefinitionInExtendedPrecision()
    {
        foreach (var c in Reference.Load("sequential_reference.json").GetProperty("single").EnumerateArray())
        {
            var (eb, nb, ec, nc) = (c.GetProperty("errors_baseline").GetInt64(), c.GetProperty("trials_baseline").GetInt64(),
                c.GetProperty("errors_candidate").GetInt64(), c.GetProperty("trials_candidate").GetInt64());
            var tau2 = c.GetProperty("mixture_variance").GetDouble();
            var name = $"{eb}/{nb} vs {ec}/{nc}, τ² = {tau2}";
            Reference.AssertClose(c.GetProperty("likelihood_ratio").GetDouble(), SequentialProportionTest.LikelihoodRatio(eb, nb, ec, nc, tau2), name + " Λ");
            Reference.AssertClose(c.GetProperty("p").GetDouble(), SequentialProportionTest.AlwaysValidPValue(eb, nb, ec, nc, tau2), name + " p", atol: 0);
        }
    }

    [Fact]
    public void AlwaysValidPValue_AlongLookSequences_MatchesTheDefinition()
    {
        foreach (var sequence in Reference.Load("sequential_reference.json").GetProperty("sequences").EnumerateArray())
        {
            var tau2 = sequence.GetProperty("mixture_variance").GetDouble();
            var p = 1.0;
            var look = 0;
            foreach (var l in sequence.GetProperty("looks").EnumerateArray())
            {
                var n = l.GetProperty("trials").GetInt64();
                p = SequentialProportionTest.AlwaysValidPValue(l.GetProperty("errors_baseline").GetInt64(), n, l.GetProperty("errors_candidate").GetInt64(), n, tau2, p);
                Reference.AssertClose(l.GetProperty("p").GetDouble(), p, $"τ² = {tau2}, look {look++}", atol: 0);
            }
        }
    }

    [Fact]
    public void AlwaysValidPValue_NeverExceedsThePreviousLook()
    {
        Assert.Equal(0.01, SequentialProportionTest.AlwaysValidPValue(10, 1000, 10, 1000, 1e-4, previousPValue: 0.01));
        Assert.Equal(1.0, SequentialProportionTest.AlwaysValidPValue(0, 1000, 0, 1000, 1e-4));
    }

    [Fact]
    public void Guards_NameTheArgument()
    {
        Assert.Equal("trialsBaseline", Assert.Throws<ArgumentOutOfRangeException>(() => SequentialProportionTest.LikelihoodRatio(0, 0, 0, 1, 1e-4)).ParamName);
        Assert.Equal("errorsCandidate", Assert.Throws<ArgumentOutOfRangeException>(() => SequentialProportionTest.LikelihoodRatio(0, 1, 2, 1, 1e-4)).ParamName);
        Assert.Equal("mixtureVariance", Assert.Throws<ArgumentOutOfRangeException>(() => SequentialProportionTest.LikelihoodRatio(0, 1, 0, 1, 0)).ParamName);
        Assert.Equal("previousPValue", Assert.Throws<ArgumentOutOfRangeException>(() => SequentialProportionTest.AlwaysValidPValue(0, 1, 0, 1, 1e-4, 2)).ParamName);
    }

    [Fact]
    public void LikelihoodRatio_NegativeErrorCount_NamesTheArgument()
    {
        // −1 errors in 10 trials passes "errors ≤ trials"; only the sign check catches it.
        Assert.Equal("errorsBaseline", Assert.Throws<ArgumentOutOfRangeException>(() => SequentialProportionTest.LikelihoodRatio(-1, 10, 0, 10, 1e-4)).ParamName);
        Assert.Equal("errorsCandidate", Assert.Throws<ArgumentOutOfRangeException>(() => SequentialProportionTest.LikelihoodRatio(0, 10, -1, 10, 1e-4)).ParamName);
    }

    /// <summary>A monitor that checks every 5 minutes: 50 looks at accumulating A/A traffic (no real difference). The
    /// fixed-sample z-test checked at every look rejects far more often than α; the always-valid p-value does not.</summary>
    [Theory]
    [InlineData(2.5e-5)]
    [InlineData(1e-3)]
    public void Simulation_FiftyLooksUnderTheNull_SequentialStaysBelowAlphaWhileRepeatedFixedTestsDoNot(double mixtureVariance)
    {
        const int runs = 2000, looks = 50, perLook = 400;
        const double rate = 0.05, alpha = 0.05;
        var random = new Random(12345);
        int fixedFalseAlarms = 0, sequentialFalseAlarms = 0;
        for (var run = 0; run < runs; run++)
        {
            long eb = 0, ec = 0, n = 0;
            var pSequential = 1.0;
            bool fixedRejected = false, sequentialRejected = false;
            for (var look = 0; look < looks; look++)
            {
                eb += Binomial.Sample(random, rate, perLook);
                ec += Binomial.Sample(random, rate, perLook);
                n += perLook;
                fixedRejected |= ProportionZTest.TwoSample(ec, n, eb, n).PValue < alpha;
                pSequential = SequentialProportionTest.AlwaysValidPValue(eb, n, ec, n, mixtureVariance, pSequential);
                sequentialRejected |= pSequential < alpha;
            }

            fixedFalseAlarms += fixedRejected ? 1 : 0;
            sequentialFalseAlarms += sequentialRejected ? 1 : 0;
        }

        var fixedRate = (double)fixedFalseAlarms / runs;
        var sequentialRate = (double)sequentialFalseAlarms / runs;
        Assert.True(sequentialRate <= alpha, $"sequential false-rollback rate {sequentialRate:P1} > α");
        Assert.True(fixedRate > 2 * alpha, $"repeated fixed-sample tests only reached {fixedRate:P1}");
    }

    [Fact]
    public void Simulation_RealIncrease_IsDetectedBySequentialMonitoring()
    {
        var random = new Random(99);
        var detected = 0;
        for (var run = 0; run < 200; run++)
        {
            long eb = 0, ec = 0, n = 0;
            var p = 1.0;
            for (var look = 0; look < 50 && p >= 0.05; look++)
            {
                eb += Binomial.Sample(random, 0.01, 1000);
                ec += Binomial.Sample(random, 0.02, 1000);
                n += 1000;
                p = SequentialProportionTest.AlwaysValidPValue(eb, n, ec, n, 2.5e-5, p);
            }

            detected += p < 0.05 ? 1 : 0;
        }

        Assert.True(detected >= 190, $"detected only {detected} of 200 real 1 pp increases");
    }
}
