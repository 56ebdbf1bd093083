using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AiGovernance.Scorecards.Tests.Scorecard;

public class ScorecardMetricTests
{
    private static readonly ScorecardMetric Accuracy = new("accuracy", ScorecardDimension.Technical, MetricDirection.HigherIsBetter, floor: 0.80, target: 0.95);
    private static readonly ScorecardMetric LatencyP95 = new("latency_p95_ms", ScorecardDimension.Technical, MetricDirection.LowerIsBetter, floor: 800, target: 200);

    [Theory]
    [InlineData(0.80, 0.0)]
    [InlineData(0.875, 0.5)]
    [InlineData(0.92, 0.8)]
    [InlineData(0.95, 1.0)]
    public void Normalize_HigherIsBetter_IsLinearBetweenFloorAndTarget(double value, double expected) =>
        Assert.Equal(expected, Accuracy.Normalize(value), 12);

    [Theory]
    [InlineData(800, 0.0)]
    [InlineData(500, 0.5)]
    [InlineData(350, 0.75)]
    [InlineData(200, 1.0)]
    public void Normalize_LowerIsBetter_IsMirrored(double value, double expected) =>
        Assert.Equal(expected, LatencyP95.Normalize(value), 12);

    [Theory]
    [InlineData(0.10, 0.0)]
    [InlineData(0.7999, 0.0)]
    [InlineData(0.99, 1.0)]
    [InlineData(1e9, 1.0)]
    public void Normalize_HigherIsBetter_ClampsOutsideTheRange(double value, double expected) =>
        Assert.Equal(expected, Accuracy.Normalize(value));

    [Theory]
    [InlineData(5000, 0.0)]
    [InlineData(800.5, 0.0)]
    [InlineData(150, 1.0)]
    [InlineData(-10, 1.0)]
    public void Normalize_LowerIsBetter_ClampsOutsideTheRange(double value, double expected) =>
        Assert.Equal(expected, LatencyP95.Normalize(value));

    [Fact]
    public void Constructor_TargetOnTheWrongSide_IsRejected()
    {
        Assert.Equal("target", Assert.Throws<ArgumentException>(() =>
            new ScorecardMetric("latency", ScorecardDimension.Technical, MetricDirection.LowerIsBetter, floor: 200, target: 800)).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentException>(() =>
            new ScorecardMetric("accuracy", ScorecardDimension.Technical, MetricDirection.HigherIsBetter, floor: 0.9, target: 0.9)).ParamName);
    }

    [Fact]
    public void Constructor_BadArguments_AreNamed()
    {
        Assert.Equal("name", Assert.Throws<ArgumentException>(() =>
            new ScorecardMetric(" ", ScorecardDimension.Risk, MetricDirection.HigherIsBetter, 0, 1)).ParamName);
        Assert.Equal("floor", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new ScorecardMetric("m", ScorecardDimension.Risk, MetricDirection.HigherIsBetter, double.NaN, 1)).ParamName);
        Assert.Equal("dimension", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new ScorecardMetric("m", (ScorecardDimension)9, MetricDirection.HigherIsBetter, 0, 1)).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => Accuracy.Normalize(double.NaN)).ParamName);
    }

    [Property]
    public Property Normalize_IsAlwaysInTheUnitInterval(NormalFloat value, bool higherIsBetter) =>
        Prop.ForAll(Gen.Choose(-1_000_000, 1_000_000).ToArbitrary(), Gen.Choose(1, 1_000_000).ToArbitrary(), (floorCents, widthCents) =>
        {
            var floor = floorCents / 100.0;
            var width = widthCents / 100.0;
            var metric = higherIsBetter
                ? new ScorecardMetric("m", ScorecardDimension.Business, MetricDirection.HigherIsBetter, floor, floor + width)
                : new ScorecardMetric("m", ScorecardDimension.Business, MetricDirection.LowerIsBetter, floor, floor - width);
            var score = metric.Normalize(value.Get);
            var atFloor = metric.Normalize(floor);
            var atTarget = metric.Normalize(metric.Target);
            return score is >= 0 and <= 1 && atFloor == 0 && atTarget == 1;
        });

    [Property]
    public Property Normalize_IsMonotoneInTheBetterDirection(NormalFloat a, NormalFloat b, bool higherIsBetter)
    {
        var metric = higherIsBetter
            ? new ScorecardMetric("m", ScorecardDimension.Risk, MetricDirection.HigherIsBetter, -10, 10)
            : new ScorecardMetric("m", ScorecardDimension.Risk, MetricDirection.LowerIsBetter, 10, -10);
        var (low, high) = a.Get <= b.Get ? (a.Get, b.Get) : (b.Get, a.Get);
        return (higherIsBetter ? metric.Normalize(low) <= metric.Normalize(high) : metric.Normalize(low) >= metric.Normalize(high)).ToProperty();
    }
}
