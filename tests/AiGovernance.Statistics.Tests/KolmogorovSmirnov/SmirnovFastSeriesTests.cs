using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AiGovernance.Statistics.Tests.KolmogorovSmirnov;

/// <summary>The fast Smirnov series (skipped negligible lower terms, powers by an anchored ratio recurrence) against
/// the exhaustive direct evaluation of every term, and both against 40-digit mpmath values.</summary>
public class SmirnovFastSeriesTests
{
    // Observed worst case 3.3e-15 (about 15 ulp) over 200 pairs; the exhaustive loop itself is up to 3.6e-14 off the
    // exact value (its C(n, v) is a running product over n steps), so this bound is well inside its own error.
    private const double FastVersusExhaustive = 1e-14;

    // Both paths against the exact value: the exhaustive loop (C(n, v) as a running product) is up to 3.6e-14 off on
    // these pairs (n up to 999 999), SciPy about 1e-16.
    private const double VersusExact = 5e-14;

    private static readonly Lazy<System.Text.Json.JsonElement> s_exact = new(() => Reference.Load("smirnov_exact_reference.json"));

    public static TheoryData<int, double> Grid()
    {
        var data = new TheoryData<int, double>();
        foreach (var n in new[] { 1024, 1025, 2047, 5000, 33333, 100000 })
        {
            foreach (var nxSquared in new[] { 2.2, 3.0, 10.0, 50.0, 151.0, 369.0 })
            {
                data.Add(n, Math.Sqrt(nxSquared / n));
            }

            foreach (var x in new[] { 0.2, 0.49, 0.5, 0.75, 0.999 })
            {
                data.Add(n, x);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Grid))]
    public void FastSeries_MatchesExhaustiveSeries(int n, double x)
    {
        var fast = SmirnovDistribution.Survival(n, x);
        var exhaustive = SmirnovDistribution.Survival(n, x, exhaustive: true);
        AssertRelative(exhaustive, fast, FastVersusExhaustive, $"smirnov({n}, {x:R})");
    }

    [Property(MaxTest = 40)]
    public Property FastSeries_MatchesExhaustiveSeries_ForRandomSizes(PositiveInt size, NormalFloat spread)
    {
        var n = SmirnovDistribution.FastSeriesMinTerms + (size.Get % 60_000);
        var nxSquared = 2.2 + (Math.Abs(spread.Get) % 368.0);
        var x = Math.Sqrt(nxSquared / n);
        var fast = SmirnovDistribution.Survival(n, x);
        var exhaustive = SmirnovDistribution.Survival(n, x, exhaustive: true);
        return (Relative(exhaustive, fast) <= FastVersusExhaustive)
            .Label(string.Create(CultureInfo.InvariantCulture, $"n={n} x={x:R} fast={fast:R} exhaustive={exhaustive:R}"));
    }

    [Fact]
    public void FastSeries_IsAsCloseToMpmathExactValuesAsTheExhaustiveSeries()
    {
        var rows = s_exact.Value.GetProperty("smirnov_exact");
        Assert.True(rows.GetArrayLength() >= 10);
        foreach (var row in rows.EnumerateArray())
        {
            var n = row.GetProperty("n").GetInt32();
            var x = row.GetProperty("x").GetDouble();
            var exact = double.Parse(row.GetProperty("sf").GetString()!, CultureInfo.InvariantCulture);
            var context = string.Create(CultureInfo.InvariantCulture, $"smirnov({n}, {x:R})");
            var fast = SmirnovDistribution.Survival(n, x);
            var exhaustive = SmirnovDistribution.Survival(n, x, exhaustive: true);
            AssertRelative(exact, fast, VersusExact, context + " fast");
            AssertRelative(exact, exhaustive, VersusExact, context + " exhaustive");
            Assert.True(Relative(exact, fast) <= Relative(exact, exhaustive) + 5e-15, $"{context}: the fast path lost accuracy");

            // SciPy's own value, with the project's tolerance.
            Reference.AssertClose(row.GetProperty("scipy").GetDouble(), fast, context + " vs SciPy", atol: 0);
        }
    }

    [Fact]
    public void FirstSignificantTerm_SkipsOnlyTermsFarBelowThePeak()
    {
        // n = 500 000, x = 0.016972 (the 1M x 1M comparison): the terms peak near v = 243 800 and are below e^-55 of
        // the peak under v ≈ 150 000 (float64 log-terms, scipy.special.gammaln).
        var first = SmirnovDistribution.FirstSignificantTerm(500_000, 0.016972, 491_513);
        Assert.InRange(first, 140_000, 160_000);

        // A small statistic keeps (nearly) every term.
        Assert.Equal(1, SmirnovDistribution.FirstSignificantTerm(2000, 0.5 / Math.Sqrt(2000), 1900));
        Assert.Equal(1, SmirnovDistribution.FirstSignificantTerm(10, 0.2, 2));
    }

    [Property]
    public Property LogOnePlusSmall_MatchesLogOfExactOnePlusZ(int numerator)
    {
        // z = k/2^20 makes 1 + z exact, so Math.Log(1 + z) is a correctly rounded reference.
        var z = (numerator % (1 << 12)) / (double)(1 << 20);
        var expected = Math.Log(1 + z);
        var actual = SmirnovDistribution.LogOnePlusSmall(z);
        return (z == 0 ? actual == 0 : Relative(expected, actual) <= 1e-15)
            .Label(string.Create(CultureInfo.InvariantCulture, $"z={z:R} expected={expected:R} actual={actual:R}"));
    }

    [Theory]
    [InlineData(1e-300)]
    [InlineData(1e-9)]
    [InlineData(-0.001)]
    [InlineData(0.0019)]
    [InlineData(0.01)]
    [InlineData(-0.3)]
    public void LogOnePlusSmall_AgreesWithLog1pToTheLastBits(double z)
    {
        // log1p(z) = 2·atanh(z/(2 + z)), an independent formula without the cancellation of 1 + z.
        var expected = 2 * Math.Atanh(z / (2 + z));
        AssertRelative(expected, SmirnovDistribution.LogOnePlusSmall(z), 1e-15, $"log1p({z:R})");
    }

    private static double Relative(double expected, double actual) =>
        expected == actual ? 0 : Math.Abs(actual - expected) / Math.Abs(expected);

    private static void AssertRelative(double expected, double actual, double tolerance, string context) =>
        Assert.True(Relative(expected, actual) <= tolerance,
            string.Create(CultureInfo.InvariantCulture, $"{context}: expected {expected:R}, got {actual:R}, relative {Relative(expected, actual):E2}"));
}
