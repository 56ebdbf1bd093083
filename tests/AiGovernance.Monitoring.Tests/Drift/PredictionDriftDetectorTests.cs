using AiGovernance.Monitoring.Drift;
using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.Tests.Drift;

public class PredictionDriftDetectorTests
{
    private readonly PredictionDriftDetector _detector = new();

    private static int[] Classes(params (int Label, int Count)[] parts) => parts.SelectMany(p => Enumerable.Repeat(p.Label, p.Count)).ToArray();

    [Fact]
    public void CompareClasses_MatchesScipyJensenShannon()
    {
        var result = _detector.CompareClasses(Classes((0, 70), (1, 30)), Classes((0, 30), (1, 60), (2, 10)));

        Assert.Equal([0, 1, 2], result.Classes);
        Assert.Equal([0.7, 0.3, 0.0], result.ReferenceDistribution);
        // scipy.spatial.distance.jensenshannon([.7, .3, 0], [.3, .6, .1]) ** 2
        Assert.Equal(0.10128365379983277, result.JensenShannonDivergence, 1e-12);
        Assert.True(result.IsDrifted);
        Assert.True(result.Psi > 0.2);
    }

    [Fact]
    public void CompareClasses_SameFrequencies_NotDrifted()
    {
        var result = _detector.CompareClasses(Classes((0, 70), (1, 30)), Classes((1, 3), (0, 7)));
        Assert.Equal(0, result.JensenShannonDivergence, 12);
        Assert.False(result.IsDrifted);
    }

    [Fact]
    public void CompareClasses_Empty_NamesArgument() =>
        Assert.Equal("current", Assert.Throws<ArgumentException>(() => _detector.CompareClasses([1], [])).ParamName);

    [Fact]
    public void CompareScores_ShiftedScores_Drifted_SameScores_Not()
    {
        var reference = SortedSample.Create(Synthetic.Normal(1000, 0.3, 0.1, 1));

        var shifted = _detector.CompareScores(reference, Synthetic.Normal(800, 0.4, 0.1, 2));
        var same = _detector.CompareScores(reference, Synthetic.Normal(800, 0.3, 0.1, 3));

        Assert.True(shifted.IsDrifted);
        Assert.True(shifted.PValue < 1e-10);
        Assert.False(same.IsDrifted);
        Assert.Equal(KolmogorovSmirnov.TwoSample(reference, Synthetic.Normal(800, 0.3, 0.1, 3)).Statistic, same.Statistic);
    }
}
