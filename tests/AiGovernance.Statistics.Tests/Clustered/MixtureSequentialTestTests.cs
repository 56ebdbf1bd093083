namespace AiGovernance.Statistics.Tests.Clustered;

public class MixtureSequentialTestTests
{
    [Fact]
    public void LikelihoodRatioAndPValue_MatchNumpy()
    {
        foreach (var c in ClusteredReference.Section("msprt"))
        {
            var context = c.ToString();
            var lambda = MixtureSequentialTest.LikelihoodRatio(c.D("estimate"), c.D("variance"), c.D("tau2"));
            Reference.AssertClose(c.D("lambda"), lambda, context + " Λ", atol: 0);
            var p = MixtureSequentialTest.AlwaysValidPValue(c.D("estimate"), c.D("variance"), c.D("tau2"));
            Reference.AssertClose(c.D("p"), p, context + " p", atol: 0);
        }
    }

    [Fact]
    public void MixtureVarianceForEffect_IsTheEffectSquared() =>
        Assert.Equal(0.005 * 0.005, MixtureSequentialTest.MixtureVarianceForEffect(-0.005));

    [Fact]
    public void MixtureVarianceForEffect_MaximisesTheExpectedLogLikelihoodRatioAtAnySampleSize()
    {
        const double effect = 0.01;
        foreach (var variance in new[] { 1e-7, 1.48e-6, 1e-4 })
        {
            var best = ExpectedLogLambda(effect, variance, MixtureSequentialTest.MixtureVarianceForEffect(effect));
            Assert.True(best > ExpectedLogLambda(effect, variance, 0.5 * effect * effect));
            Assert.True(best > ExpectedLogLambda(effect, variance, 2 * effect * effect));
        }

        static double ExpectedLogLambda(double delta, double v, double tau2) =>
            (0.5 * Math.Log(v / (v + tau2))) + (tau2 * ((delta * delta) + v) / (2 * v * (v + tau2)));
    }

    [Fact]
    public void AlwaysValidPValue_NeverExceedsThePreviousLook() =>
        Assert.Equal(0.02, MixtureSequentialTest.AlwaysValidPValue(0, 1e-4, 1e-4, previousPValue: 0.02));

    [Fact]
    public void ZeroVariance_IsNoEvidenceOrCertainty()
    {
        Assert.Equal(1.0, MixtureSequentialTest.LikelihoodRatio(0, 0, 1e-4));
        Assert.Equal(0.0, MixtureSequentialTest.AlwaysValidPValue(0.01, 0, 1e-4));
    }

    [Fact]
    public void Guards_NameTheArgument()
    {
        Assert.Equal("estimate", Assert.Throws<ArgumentOutOfRangeException>(() => MixtureSequentialTest.LikelihoodRatio(double.NaN, 1, 1)).ParamName);
        Assert.Equal("variance", Assert.Throws<ArgumentOutOfRangeException>(() => MixtureSequentialTest.LikelihoodRatio(0, -1, 1)).ParamName);
        Assert.Equal("mixtureVariance", Assert.Throws<ArgumentOutOfRangeException>(() => MixtureSequentialTest.LikelihoodRatio(0, 1, 0)).ParamName);
        Assert.Equal(
            "previousPValue", Assert.Throws<ArgumentOutOfRangeException>(() => MixtureSequentialTest.AlwaysValidPValue(0, 1, 1, 1.5)).ParamName);
        Assert.Equal("effect", Assert.Throws<ArgumentOutOfRangeException>(() => MixtureSequentialTest.MixtureVarianceForEffect(0)).ParamName);
    }
}
