using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AiGovernance.Statistics.Tests.KolmogorovSmirnov;

public class KolmogorovSmirnovPropertyTests
{
    private static readonly Alternative[] s_alternatives = [Alternative.TwoSided, Alternative.Less, Alternative.Greater];
    private static readonly KolmogorovSmirnovMethod[] s_methods =
        [KolmogorovSmirnovMethod.Auto, KolmogorovSmirnovMethod.Exact, KolmogorovSmirnovMethod.Asymptotic];

    // Values on a grid of 1/8 so ties are common and exp() keeps them strictly ordered.
    private static double[] Grid(int[] values)
    {
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = (values[i] % 400) / 8.0;
        }

        return result;
    }

    private static double[] Finite(NormalFloat[] values)
    {
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = values[i].Get;
        }

        return result;
    }

    [Property]
    public Property StatisticAndPValue_AreProbabilities(NonEmptyArray<NormalFloat> x, NonEmptyArray<NormalFloat> y)
    {
        var a = Finite(x.Get);
        var b = Finite(y.Get);
        foreach (var alternative in s_alternatives)
        {
            foreach (var method in s_methods)
            {
                var r = Statistics.KolmogorovSmirnov.TwoSample(a, b, alternative, method);
                if (!(r.Statistic is >= 0 and <= 1) || !(r.PValue is >= 0 and <= 1) || r.Method == KolmogorovSmirnovMethod.Auto
                    || r.StatisticSign is not (1 or -1))
                {
                    return false.Label($"{alternative} {method}: {r}");
                }
            }
        }

        return true.ToProperty();
    }

    [Property]
    public Property OneSample_StatisticAndPValue_AreProbabilities(NonEmptyArray<NormalFloat> x)
    {
        var a = Finite(x.Get);
        foreach (var alternative in s_alternatives)
        {
            foreach (var method in s_methods)
            {
                var r = Statistics.KolmogorovSmirnov.OneSample(a, v => 1 / (1 + Math.Exp(-v)), alternative, method);
                if (!(r.Statistic is >= 0 and <= 1) || !(r.PValue is >= 0 and <= 1))
                {
                    return false.Label($"{alternative} {method}: {r}");
                }
            }
        }

        return true.ToProperty();
    }

    [Property]
    public Property TwoSided_IsSymmetricInTheSamples(NonEmptyArray<int> x, NonEmptyArray<int> y)
    {
        var a = Grid(x.Get);
        var b = Grid(y.Get);
        foreach (var method in s_methods)
        {
            var forward = Statistics.KolmogorovSmirnov.TwoSample(a, b, Alternative.TwoSided, method);
            var backward = Statistics.KolmogorovSmirnov.TwoSample(b, a, Alternative.TwoSided, method);
            if (forward.Statistic != backward.Statistic || forward.PValue != backward.PValue || forward.Method != backward.Method)
            {
                return false.Label($"{method}: {forward} vs {backward}");
            }
        }

        return true.ToProperty();
    }

    [Property]
    public Property OneSided_SwappingSamplesSwapsTheAlternative(NonEmptyArray<int> x, NonEmptyArray<int> y)
    {
        var a = Grid(x.Get);
        var b = Grid(y.Get);
        var greater = Statistics.KolmogorovSmirnov.TwoSample(a, b, Alternative.Greater);
        var lessSwapped = Statistics.KolmogorovSmirnov.TwoSample(b, a, Alternative.Less);
        return (greater.Statistic == lessSwapped.Statistic && greater.PValue == lessSwapped.PValue)
            .Label($"{greater} vs {lessSwapped}");
    }

    [Property]
    public Property Result_IsInvariantUnderPermutation(NonEmptyArray<int> x, NonEmptyArray<int> y, int seed)
    {
        var a = Grid(x.Get);
        var b = Grid(y.Get);
        var shuffledA = (double[])a.Clone();
        var shuffledB = (double[])b.Clone();
        var random = new Random(seed);
        random.Shuffle(shuffledA);
        random.Shuffle(shuffledB);
        foreach (var alternative in s_alternatives)
        {
            var original = Statistics.KolmogorovSmirnov.TwoSample(a, b, alternative);
            var permuted = Statistics.KolmogorovSmirnov.TwoSample(shuffledA, shuffledB, alternative);
            if (original != permuted)
            {
                return false.Label($"{alternative}: {original} vs {permuted}");
            }
        }

        return true.ToProperty();
    }

    [Property]
    public Property Result_IsInvariantUnderExp(NonEmptyArray<int> x, NonEmptyArray<int> y)
    {
        // On a 1/8 grid in [−50, 50], exp changes neighbours by ≥ 13 %, so it creates no ties by rounding.
        var a = Grid(x.Get);
        var b = Grid(y.Get);
        var expA = Array.ConvertAll(a, Math.Exp);
        var expB = Array.ConvertAll(b, Math.Exp);
        foreach (var alternative in s_alternatives)
        {
            foreach (var method in s_methods)
            {
                var original = Statistics.KolmogorovSmirnov.TwoSample(a, b, alternative, method);
                var transformed = Statistics.KolmogorovSmirnov.TwoSample(expA, expB, alternative, method);
                if (original.Statistic != transformed.Statistic || original.PValue != transformed.PValue
                    || original.StatisticSign != transformed.StatisticSign
                    || Math.Exp(original.StatisticLocation) != transformed.StatisticLocation)
                {
                    return false.Label($"{alternative} {method}: {original} vs {transformed}");
                }
            }
        }

        return true.ToProperty();
    }

    [Property]
    public Property Result_IsInvariantUnderAnExactPiecewiseLinearIncreasingMap(NonEmptyArray<NormalFloat> x, NonEmptyArray<NormalFloat> y)
    {
        // v ↦ 4v for v ≥ 0 and 2v below: multiplying by a power of two is exact (|v| is kept far from overflow, and
        // scaling up never rounds subnormals), so the map is strictly increasing in floating point, yet not affine.
        static double Map(double v) => v >= 0 ? 4 * v : 2 * v;
        var a = Array.ConvertAll(Finite(x.Get), v => Math.Clamp(v, -1e300, 1e300));
        var b = Array.ConvertAll(Finite(y.Get), v => Math.Clamp(v, -1e300, 1e300));
        var mappedA = Array.ConvertAll(a, Map);
        var mappedB = Array.ConvertAll(b, Map);
        foreach (var alternative in s_alternatives)
        {
            var original = Statistics.KolmogorovSmirnov.TwoSample(a, b, alternative);
            var transformed = Statistics.KolmogorovSmirnov.TwoSample(mappedA, mappedB, alternative);
            if (original.Statistic != transformed.Statistic || original.PValue != transformed.PValue
                || Map(original.StatisticLocation) != transformed.StatisticLocation)
            {
                return false.Label($"{alternative}: {original} vs {transformed}");
            }
        }

        return true.ToProperty();
    }

    [Property]
    public Property SortedSampleOverloads_EqualTheSpanOverload(NonEmptyArray<int> x, NonEmptyArray<int> y)
    {
        var a = Grid(x.Get);
        var b = Grid(y.Get);
        var sa = SortedSample.Create(a);
        var sb = SortedSample.Create(b);
        foreach (var alternative in s_alternatives)
        {
            var expected = Statistics.KolmogorovSmirnov.TwoSample(a, b, alternative);
            if (expected != Statistics.KolmogorovSmirnov.TwoSample(sa, sb, alternative)
                || expected != Statistics.KolmogorovSmirnov.TwoSample(sa, b, alternative)
                || expected != Statistics.KolmogorovSmirnov.TwoSample(a, sb, alternative))
            {
                return false.Label(alternative.ToString());
            }
        }

        return true.ToProperty();
    }

    [Property]
    public Property Statistic_EqualsTheLargestEcdfGap(NonEmptyArray<int> x, NonEmptyArray<int> y)
    {
        // Brute force over every pooled value, independent of the merge.
        var a = Grid(x.Get);
        var b = Grid(y.Get);
        double dPlus = 0, dMinus = 0;
        foreach (var z in a.Concat(b))
        {
            var fa = (double)a.Count(v => v <= z) / a.Length;
            var fb = (double)b.Count(v => v <= z) / b.Length;
            dPlus = Math.Max(dPlus, fa - fb);
            dMinus = Math.Max(dMinus, fb - fa);
        }

        var r = Statistics.KolmogorovSmirnov.TwoSample(a, b, Alternative.TwoSided, KolmogorovSmirnovMethod.Asymptotic);
        return (r.Statistic == Math.Max(dPlus, dMinus) && r.StatisticSign == (dMinus > dPlus ? -1 : 1)).Label($"{r} vs {dPlus}, {dMinus}");
    }
}
