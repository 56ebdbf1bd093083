namespace AiGovernance.Statistics.Tests.Classification;

public class ConfusionCountsTests
{
    [Fact]
    public void From_CountsEachOutcome_AndMetricsFollowScikitLearn()
    {
        bool[] yTrue = [true, true, true, false, false, false, true, false];
        bool[] yPred = [true, true, false, true, false, false, false, false];
        var counts = ConfusionCounts.From(yTrue, yPred);

        Assert.Equal(new ConfusionCounts(2, 1, 2, 3), counts);
        Assert.Equal(8, counts.Count);
        Assert.Equal(3, counts.Selected);
        Assert.Equal(5.0 / 8, counts.Accuracy);
        Assert.Equal(2.0 / 3, counts.Precision);
        Assert.Equal(0.5, counts.Recall);
        Assert.Equal(4.0 / 7, counts.F1);
    }

    [Fact]
    public void UndefinedMetrics_AreNaN_NotZero()
    {
        var noPositives = new ConfusionCounts(0, 0, 0, 5);
        Assert.True(double.IsNaN(noPositives.Precision));
        Assert.True(double.IsNaN(noPositives.Recall));
        Assert.True(double.IsNaN(noPositives.F1));
        Assert.Equal(1, noPositives.Accuracy);
        Assert.True(double.IsNaN(default(ConfusionCounts).Accuracy));
    }

    [Fact]
    public void Add_IncrementsTheMatchingCell()
    {
        var counts = default(ConfusionCounts).Add(true, true).Add(false, true).Add(true, false).Add(false, false).Add(true, true);
        Assert.Equal(new ConfusionCounts(2, 1, 1, 1), counts);
    }

    [Fact]
    public void From_LengthMismatch_NamesThePredictions() =>
        Assert.Equal("yPred", Assert.Throws<ArgumentException>(() => ConfusionCounts.From([true, false], [true])).ParamName);
}
