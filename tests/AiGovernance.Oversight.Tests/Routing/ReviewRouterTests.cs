using AiGovernance.Oversight.Routing;

namespace AiGovernance.Oversight.Tests.Routing;

public class ReviewRouterTests
{
    private static ReviewRouter Router(double threshold = 0.75, double rate = 0.05, TestMeterFactory? meters = null) =>
        new(new OversightOptions { ReviewThreshold = threshold, AuditSampleRate = rate }, meters);

    [Fact]
    public void Route_MaxProbabilityExactlyAtThreshold_DecidesAutomatically()
    {
        var decision = Router().Route("case-1", [0.25, 0.75]);

        Assert.Equal(ReviewRoute.Automatic, decision.Route);
        Assert.False(decision.RequiresHumanReview);
        Assert.Equal(1, decision.PredictedClass);
        Assert.Equal(0.75, decision.Confidence);
    }

    [Fact]
    public void Route_MaxProbabilityJustBelowThreshold_GoesToHumanReview()
    {
        var below = Math.BitDecrement(0.75);
        var decision = Router().Route("case-1", [below, 1 - below]);

        Assert.Equal(ReviewRoute.HumanReview, decision.Route);
        Assert.True(decision.RequiresHumanReview);
        Assert.Equal(0, decision.PredictedClass);
        Assert.False(decision.SelectedForAudit);
    }

    [Theory]
    [InlineData(0.75, ReviewRoute.Automatic)]
    [InlineData(0.7499999, ReviewRoute.HumanReview)]
    [InlineData(0.7500001, ReviewRoute.Automatic)]
    [InlineData(0.0, ReviewRoute.HumanReview)]
    [InlineData(1.0, ReviewRoute.Automatic)]
    public void Route_SingleConfidence_ComparesWithThreshold(double confidence, ReviewRoute expected) =>
        Assert.Equal(expected, Router().Route("case-1", confidence).Route);

    [Fact]
    public void Route_MultiClass_UsesMaximumProbability()
    {
        var decision = Router().Route("case-1", [0.1, 0.2, 0.6, 0.1]);

        Assert.Equal(ReviewRoute.HumanReview, decision.Route);
        Assert.Equal(2, decision.PredictedClass);
        Assert.Equal(0.6, decision.Confidence);
    }

    [Fact]
    public void Route_HumanReviewCases_AreNeverSelectedForAudit()
    {
        var router = Router(rate: 1.0);
        Assert.False(router.Route("case-1", 0.5).SelectedForAudit);
        Assert.True(router.Route("case-1", 0.9).SelectedForAudit);
    }

    [Theory]
    [InlineData(new[] { 0.5, 0.6 })]
    [InlineData(new[] { 0.5, 0.4 })]
    [InlineData(new[] { 1.2, -0.2 })]
    [InlineData(new[] { double.NaN, 1.0 })]
    [InlineData(new double[0])]
    public void Route_InvalidProbabilities_NamesArgument(double[] probabilities)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => Router().Route("case-1", probabilities));
        Assert.Equal("classProbabilities", ex.ParamName);
    }

    [Fact]
    public void Route_ProbabilitiesWithinTolerance_Accepted() =>
        Assert.Equal(ReviewRoute.Automatic, Router().Route("case-1", [0.8, 0.2 + 1e-9]).Route);

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Route_ConfidenceOutOfRange_NamesArgument(double confidence) =>
        Assert.Equal("confidence", Assert.Throws<ArgumentOutOfRangeException>(() => Router().Route("case-1", confidence)).ParamName);

    [Fact]
    public void Route_EmptyCaseId_NamesArgument() =>
        Assert.Equal("caseId", Assert.Throws<ArgumentException>(() => Router().Route(" ", 0.9)).ParamName);

    [Fact]
    public void Constructor_ThresholdOutOfRange_Throws() =>
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => Router(threshold: 1.5)).ParamName);

    [Fact]
    public void Route_CountsDecisionsOnTheOversightMeter()
    {
        using var meters = new TestMeterFactory();
        var router = Router(rate: 1.0, meters: meters);

        router.Route("a", 0.5);
        router.Route("b", 0.9);
        router.Route("c", [0.95, 0.05]);

        Assert.Contains("AiGovernance.Oversight", meters.MeterNames);
        Assert.Equal(1, meters.Total("aigovernance.oversight.routing.decisions|route=human_review"));
        Assert.Equal(2, meters.Total("aigovernance.oversight.routing.decisions|route=automatic"));
        Assert.Equal(2, meters.Total("aigovernance.oversight.audit.selected"));
    }

    [Fact]
    public async Task Route_ConcurrentCalls_CountEveryDecision()
    {
        using var meters = new TestMeterFactory();
        var router = Router(meters: meters);

        await Parallel.ForAsync(0, 10_000, TestContext.Current.CancellationToken, (i, _) =>
        {
            router.Route($"case-{i}", i % 2 == 0 ? 0.5 : 0.9);
            return ValueTask.CompletedTask;
        });

        Assert.Equal(5_000, meters.Total("aigovernance.oversight.routing.decisions|route=human_review"));
        Assert.Equal(5_000, meters.Total("aigovernance.oversight.routing.decisions|route=automatic"));
    }

    [Fact]
    public void Route_AfterWarmUp_AllocatesNothing()
    {
        var router = Router();
        var probabilities = new[] { 0.1, 0.9 };
        router.Route("case-000001", probabilities);

        var allocated = Allocations.OfSteadyStatePass(() =>
        {
            for (var i = 0; i < 1_000; i++)
            {
                router.Route("case-000001", probabilities);
                router.Route("case-000002", 0.5);
            }
        });

        Assert.Equal(0, allocated);
    }
}
