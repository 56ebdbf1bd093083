using AiGovernance.Deployment.Rollout;
using AiGovernance.Statistics;

namespace AiGovernance.Deployment.Tests.Rollout;

public class RolloutPlanTests
{
    [Fact]
    public void FromPower_UsesTheSampleSizeForTheMinimumDetectableEffect()
    {
        var plan = RolloutPlan.FromPower("r", 0.01, 0.005, TimeSpan.FromHours(2));
        var expected = (long)Math.Ceiling(PowerAnalysis.SampleSizeTwoProportions(0.01, 0.015));
        Assert.Equal([0.05, 0.25, 0.5, 1.0], plan.Stages.Select(s => s.TrafficFraction));
        Assert.All(plan.Stages, s => Assert.Equal(expected, s.MinRequestsPerVariant));
        Assert.All(plan.Stages, s => Assert.Equal(TimeSpan.FromHours(2), s.MinDuration));
        Assert.InRange(expected, 7000, 8500);
        Assert.Equal(0.005, plan.MinimumDetectableEffect);
        Assert.Null(RolloutPlan.Create("r", plan.Stages).MinimumDetectableEffect);
    }

    [Theory]
    [InlineData(new[] { 0.05, 0.05, 1.0 })]
    [InlineData(new[] { 0.25, 0.05, 1.0 })]
    [InlineData(new[] { 0.05, 0.5 })]
    [InlineData(new[] { 0.0, 1.0 })]
    [InlineData(new double[0])]
    public void Create_InvalidStages_NamesArgument(double[] fractions)
    {
        var stages = fractions.Select(f => new RolloutStage(f, TimeSpan.Zero, 0)).ToArray();
        Assert.Equal("stages", Assert.Throws<ArgumentException>(() => RolloutPlan.Create("r", stages)).ParamName);
    }
}
