namespace AiGovernance.Statistics.Tests.Distances;

public class EnergyDistanceTests
{
    [Fact]
    public void Compute_MatchesScipy_TinyTiedScaledAndLargeSamples()
    {
        var count = 0;
        foreach (var c in ShapeData.Section("energy").EnumerateArray())
        {
            var name = c.GetProperty("name").GetString();
            var x = ShapeData.Sample(c.GetProperty("x"));
            var y = ShapeData.Sample(c.GetProperty("y"));
            var expected = Reference.GetDouble(c.GetProperty("distance"));
            Reference.AssertClose(expected, EnergyDistance.Compute(x, y), name!);
            Reference.AssertClose(expected, EnergyDistance.Compute(SortedSample.Create(x), y), name + " (sorted reference)");
            count++;
        }

        Assert.True(count >= 9);
    }

    [Fact]
    public void Compute_EqualsTheExpectationForm()
    {
        // E² = 2E|X − Y| − E|X − X′| − E|Y − Y′| over the empirical distributions.
        double[] x = [0.7, 7.4, 2.4, 6.8, 3.1];
        double[] y = [1.4, 8.0, 2.2];
        double Mean(double[] a, double[] b) => a.SelectMany(u => b.Select(v => Math.Abs(u - v))).Average();
        var expected = Math.Sqrt((2 * Mean(x, y)) - Mean(x, x) - Mean(y, y));
        Assert.Equal(expected, EnergyDistance.Compute(x, y), 12);
    }

    [Fact]
    public void Compute_ScalesWithTheSquareRootOfTheDataScale()
    {
        double[] x = [0.7, 7.4, 2.4, 6.8];
        double[] y = [1.4, 8.0];
        Assert.Equal(Math.Sqrt(4) * EnergyDistance.Compute(x, y), EnergyDistance.Compute(x.Select(v => v * 4).ToArray(), y.Select(v => v * 4).ToArray()), 12);
    }

    [Fact]
    public void Compute_NearTheLargestDoubles_StaysFinite()
    {
        var distance = EnergyDistance.Compute([-1e308, 1e308], [1e308]);
        // ∫(F_x − F_y)² = ¼ · 2e308, so E = √2 · √(5e307) = 1e154 (the gap 2e308 itself overflows a double).
        Assert.True(double.IsFinite(distance));
        Assert.Equal(1.0, distance / 1e154, 12);
    }

    [Fact]
    public void Compute_SortedReference_AllocatesNothingOnceWarm()
    {
        // A hot path (one window against a reference sorted once): the window's sorted copy is rented from the shared
        // pool and must go back to it, or every call allocates a fresh array.
        var reference = SortedSample.Create(Enumerable.Range(0, 500).Select(i => Math.Sin(i) * 10).ToArray());
        var current = Enumerable.Range(0, 300).Select(i => Math.Cos(i) * 10).ToArray();
        Action pass = () =>
        {
            for (var i = 0; i < 10; i++)
            {
                EnergyDistance.Compute(reference, current);
            }
        };
        Assert.Equal(0, Allocations.OfSteadyStatePass(pass));
    }

    [Fact]
    public void Compute_TwoSamples_AllocatesNothingOnceWarm()
    {
        // Both sorted copies are rented from the shared pool and returned.
        var x = Enumerable.Range(0, 500).Select(i => Math.Sin(i) * 10).ToArray();
        var y = Enumerable.Range(0, 300).Select(i => Math.Cos(i) * 10).ToArray();
        Action pass = () =>
        {
            for (var i = 0; i < 10; i++)
            {
                EnergyDistance.Compute(x, y);
            }
        };
        Assert.Equal(0, Allocations.OfSteadyStatePass(pass));
    }

    [Fact]
    public void Compute_EmptySample_Throws() =>
        Assert.Throws<ArgumentException>(() => EnergyDistance.Compute([], [1.0]));
}
