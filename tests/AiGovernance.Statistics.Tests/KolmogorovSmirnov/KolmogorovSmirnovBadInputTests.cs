namespace AiGovernance.Statistics.Tests.KolmogorovSmirnov;

public class KolmogorovSmirnovBadInputTests
{
    private static readonly double[] s_sample = [1, 2, 3];

    [Fact]
    public void TwoSample_EmptyFirstSample_ThrowsNamingX()
    {
        var e = Assert.Throws<ArgumentException>(() => Statistics.KolmogorovSmirnov.TwoSample([], s_sample));
        Assert.Equal("x", e.ParamName);
    }

    [Fact]
    public void TwoSample_EmptySecondSample_ThrowsNamingY()
    {
        var e = Assert.Throws<ArgumentException>(() => Statistics.KolmogorovSmirnov.TwoSample(s_sample, []));
        Assert.Equal("y", e.ParamName);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void TwoSample_NonFiniteValue_ThrowsNamingArgumentAndIndex(double bad)
    {
        var e = Assert.Throws<ArgumentException>(() => Statistics.KolmogorovSmirnov.TwoSample(s_sample, [0, 1, bad, 4]));
        Assert.Equal("y", e.ParamName);
        Assert.Contains("index 2", e.Message, StringComparison.Ordinal);

        e = Assert.Throws<ArgumentException>(() => Statistics.KolmogorovSmirnov.TwoSample([bad], s_sample));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("index 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoSample_UndefinedAlternative_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Statistics.KolmogorovSmirnov.TwoSample(s_sample, s_sample, (Alternative)7));
        Assert.Equal("alternative", e.ParamName);
    }

    [Fact]
    public void TwoSample_UndefinedMethod_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(
            () => Statistics.KolmogorovSmirnov.TwoSample(s_sample, s_sample, Alternative.TwoSided, (KolmogorovSmirnovMethod)9));
        Assert.Equal("method", e.ParamName);
    }

    [Fact]
    public void TwoSample_NullSortedSamples_Throw()
    {
        var sorted = SortedSample.Create(s_sample);
        Assert.Equal("x", Assert.Throws<ArgumentNullException>(() => Statistics.KolmogorovSmirnov.TwoSample((SortedSample)null!, sorted)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentNullException>(() => Statistics.KolmogorovSmirnov.TwoSample(sorted, (SortedSample)null!)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentNullException>(() => Statistics.KolmogorovSmirnov.TwoSample((SortedSample)null!, s_sample)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentNullException>(() => Statistics.KolmogorovSmirnov.TwoSample(s_sample, (SortedSample)null!)).ParamName);
    }

    [Fact]
    public void TwoSample_SortedSampleWithBadOtherSample_ThrowsNamingIt()
    {
        var sorted = SortedSample.Create(s_sample);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => Statistics.KolmogorovSmirnov.TwoSample(sorted, [double.NaN])).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => Statistics.KolmogorovSmirnov.TwoSample([], sorted)).ParamName);
    }

    [Fact]
    public void OneSample_EmptySample_ThrowsNamingX()
    {
        var e = Assert.Throws<ArgumentException>(() => Statistics.KolmogorovSmirnov.OneSample([], v => v));
        Assert.Equal("x", e.ParamName);
    }

    [Fact]
    public void OneSample_NaNInSample_ThrowsNamingXAndIndex()
    {
        var e = Assert.Throws<ArgumentException>(() => Statistics.KolmogorovSmirnov.OneSample([0.1, double.NaN], v => v));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("index 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OneSample_NullCdf_Throws()
    {
        var e = Assert.Throws<ArgumentNullException>(() => Statistics.KolmogorovSmirnov.OneSample(s_sample, null!));
        Assert.Equal("cdf", e.ParamName);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void OneSample_CdfOutsideUnitInterval_ThrowsNamingCdf(double value)
    {
        var e = Assert.Throws<ArgumentException>(() => Statistics.KolmogorovSmirnov.OneSample(s_sample, _ => value));
        Assert.Equal("cdf", e.ParamName);
        Assert.Contains("[0, 1]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OneSample_UndefinedAlternativeOrMethod_Throws()
    {
        Assert.Equal("alternative", Assert.Throws<ArgumentOutOfRangeException>(
            () => Statistics.KolmogorovSmirnov.OneSample(s_sample, v => 0.5, (Alternative)(-1))).ParamName);
        Assert.Equal("method", Assert.Throws<ArgumentOutOfRangeException>(
            () => Statistics.KolmogorovSmirnov.OneSample(s_sample, v => 0.5, Alternative.TwoSided, (KolmogorovSmirnovMethod)3)).ParamName);
    }
}
