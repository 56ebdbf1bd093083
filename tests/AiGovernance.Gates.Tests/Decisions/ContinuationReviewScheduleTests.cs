using AiGovernance.Core;
using AiGovernance.Gates.Decisions;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Gates.Tests.Decisions;

public class ContinuationReviewScheduleTests
{
    private static readonly DateTimeOffset LastReview = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(RiskTier.High, 89, false)]
    [InlineData(RiskTier.High, 90, true)]
    [InlineData(RiskTier.Medium, 179, false)]
    [InlineData(RiskTier.Medium, 180, true)]
    [InlineData(RiskTier.Low, 364, false)]
    [InlineData(RiskTier.Low, 365, true)]
    [InlineData(RiskTier.Prohibited, 0, true)]
    public void GetStatus_DueByTierInterval(RiskTier tier, int daysSinceReview, bool due)
    {
        var clock = new FakeTimeProvider(LastReview.AddDays(daysSinceReview));
        var status = new ContinuationReviewSchedule(new ContinuationReviewOptions(), clock).GetStatus(tier, LastReview);
        Assert.Equal(due, status.IsDue);
        Assert.Equal(LastReview, status.ApprovalsNotIssuedBefore);
    }

    [Fact]
    public void GetStatus_IntervalsAreConfigurable()
    {
        var clock = new FakeTimeProvider(LastReview.AddDays(31));
        var schedule = new ContinuationReviewSchedule(new ContinuationReviewOptions { HighRiskInterval = TimeSpan.FromDays(30) }, clock);
        var status = schedule.GetStatus(RiskTier.High, LastReview);
        Assert.True(status.IsDue);
        Assert.Equal(LastReview.AddDays(30), status.DueAt);
    }

    [Theory]
    [InlineData(ContinuationTrigger.Incident, Severity.Low, true)]
    [InlineData(ContinuationTrigger.SlaBreach, Severity.Medium, true)]
    [InlineData(ContinuationTrigger.Drift, Severity.High, false)]
    [InlineData(ContinuationTrigger.Drift, Severity.Critical, true)]
    public void GetStatus_TriggersBringTheReviewForward(ContinuationTrigger trigger, Severity severity, bool due)
    {
        var clock = new FakeTimeProvider(LastReview.AddDays(10));
        var at = LastReview.AddDays(5);
        var status = new ContinuationReviewSchedule(new ContinuationReviewOptions(), clock).GetStatus(RiskTier.Low, LastReview, [new(trigger, at, severity)]);
        Assert.Equal(due, status.IsDue);
        Assert.Equal(due ? at : LastReview, status.ApprovalsNotIssuedBefore);
    }

    [Fact]
    public void GetStatus_TriggersBeforeTheLastReviewAreAnswered()
    {
        var clock = new FakeTimeProvider(LastReview.AddDays(10));
        var status = new ContinuationReviewSchedule(new ContinuationReviewOptions(), clock)
            .GetStatus(RiskTier.Low, LastReview, [new(ContinuationTrigger.Incident, LastReview.AddDays(-1), Severity.Critical)]);
        Assert.False(status.IsDue);
    }

    [Fact]
    public void GetStatus_DriftSeverityIsConfigurable()
    {
        var clock = new FakeTimeProvider(LastReview.AddDays(10));
        var schedule = new ContinuationReviewSchedule(new ContinuationReviewOptions { DriftTriggerSeverity = Severity.High }, clock);
        Assert.True(schedule.GetStatus(RiskTier.Low, LastReview, [new(ContinuationTrigger.Drift, LastReview.AddDays(2), Severity.High)]).IsDue);
    }
}
