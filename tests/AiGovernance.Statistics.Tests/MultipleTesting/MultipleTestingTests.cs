using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AiGovernance.Statistics.Tests.MultipleTesting;

public class MultipleTestingTests
{
    [Fact]
    public void Adjust_MatchesStatsmodelsMultipletests()
    {
        foreach (var c in Stats1Data.Section("multipletests").EnumerateArray())
        {
            var p = c.Ds("p");
            foreach (var method in c.GetProperty("adjusted").EnumerateObject())
            {
                var adjusted = Statistics.MultipleTesting.Adjust(p, Enum.Parse<MultipleTestingMethod>(method.Name));
                var expected = Reference.GetDoubles(method.Value);
                Assert.Equal(expected.Length, adjusted.Length);
                for (var i = 0; i < expected.Length; i++)
                {
                    Reference.AssertClose(expected[i], adjusted[i], $"{c.Name()}/{method.Name}[{i}]");
                }
            }
        }
    }

    [Fact]
    public void Adjust_AfterWarmUp_AllocatesOnlyTheResult()
    {
        // Holm and Benjamini–Hochberg sort a copy of the p-values with an index; both scratch arrays are rented from the
        // shared pool and must go back, or every call allocates two fresh 1,024-element arrays (~12 KB) besides its
        // 8 KB result. The result (a double[1000]) is 8,000 bytes of payload plus the array header.
        var p = new double[1000];
        for (var i = 0; i < p.Length; i++)
        {
            p[i] = ((i * 7919) % 1000) / 1000.0;
        }

        const int Calls = 20;
        foreach (var method in new[] { MultipleTestingMethod.Holm, MultipleTestingMethod.BenjaminiHochberg })
        {
            var allocated = Allocations.OfSteadyStatePass(() =>
            {
                for (var i = 0; i < Calls; i++)
                {
                    Statistics.MultipleTesting.Adjust(p, method);
                }
            });

            Assert.InRange(allocated, Calls * 8000L, Calls * (8000L + 64));
        }
    }

    [Fact]
    public void Adjust_HandWorkedExample()
    {
        double[] p = [0.01, 0.04, 0.03];
        Assert.Equal([0.03, 0.12, 0.09], Statistics.MultipleTesting.Adjust(p, MultipleTestingMethod.Bonferroni), new Tolerance());

        // Holm: sorted 0.01·3, 0.03·2, 0.04·1 → 0.03, 0.06, max(0.06, 0.04) = 0.06.
        Assert.Equal([0.03, 0.06, 0.06], Statistics.MultipleTesting.Adjust(p, MultipleTestingMethod.Holm), new Tolerance());

        // BH: 0.01·3/1, 0.03·3/2, 0.04·3/3 → 0.03, 0.045, 0.04 then running minimum from the top → 0.03, 0.04, 0.04.
        Assert.Equal([0.03, 0.04, 0.04], Statistics.MultipleTesting.Adjust(p, MultipleTestingMethod.BenjaminiHochberg), new Tolerance());
    }

    [Fact]
    public void Adjust_None_ReturnsACopyOfTheRawPValues()
    {
        double[] p = [0.01, 0.04, 0.03];
        var adjusted = Statistics.MultipleTesting.Adjust(p, MultipleTestingMethod.None);
        Assert.Equal(p, adjusted);
        Assert.NotSame(p, adjusted);
        Assert.Equal("pValues", Assert.Throws<ArgumentException>(() => Statistics.MultipleTesting.Adjust([1.5], MultipleTestingMethod.None)).ParamName);
    }

    [Property]
    public Property Adjusted_AtLeastRaw_AtMostOne_MonotoneInRawOrder(NonEmptyArray<NormalFloat> values)
    {
        var p = Array.ConvertAll(values.Get, v => Math.Abs(v.Get) / (1 + Math.Abs(v.Get)));
        var ok = true;
        foreach (var method in Enum.GetValues<MultipleTestingMethod>())
        {
            var adjusted = Statistics.MultipleTesting.Adjust(p, method);
            for (var i = 0; i < p.Length; i++)
            {
                ok &= adjusted[i] >= p[i] && adjusted[i] <= 1;
                for (var j = 0; j < p.Length; j++)
                {
                    ok &= !(p[i] <= p[j]) || adjusted[i] <= adjusted[j];
                }
            }
        }

        return ok.ToProperty();
    }

    [Fact]
    public void BadInput_NamesTheArgument()
    {
        Assert.Equal("pValues", Assert.Throws<ArgumentException>(() => Statistics.MultipleTesting.Adjust([], MultipleTestingMethod.Holm)).ParamName);
        var bad = Assert.Throws<ArgumentException>(() => Statistics.MultipleTesting.Adjust([0.1, 1.5], MultipleTestingMethod.Holm));
        Assert.Equal("pValues", bad.ParamName);
        Assert.Contains("index 1", bad.Message, StringComparison.Ordinal);
        Assert.Equal("pValues", Assert.Throws<ArgumentException>(() => Statistics.MultipleTesting.Adjust([double.NaN], MultipleTestingMethod.Holm)).ParamName);
        Assert.Equal("method", Assert.Throws<ArgumentOutOfRangeException>(() => Statistics.MultipleTesting.Adjust([0.1], (MultipleTestingMethod)5)).ParamName);
    }

    private sealed class Tolerance : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-12;

        public int GetHashCode(double obj) => 0;
    }
}
