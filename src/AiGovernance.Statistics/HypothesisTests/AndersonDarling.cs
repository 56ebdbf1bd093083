using System.Collections.ObjectModel;
using MathNet.Numerics.LinearAlgebra;

namespace AiGovernance.Statistics;

/// <summary>The k-sample Anderson–Darling test: do k samples come from the same distribution?</summary>
/// <remarks>
/// <para>Counterpart: <c>scipy.stats.anderson_ksamp(samples, midrank)</c> (SciPy 1.10.1), after Scholz &amp; Stephens (1987).
/// Like Cramér–von Mises it integrates the squared gap between empirical distribution functions, but weighted by
/// 1/(H(1 − H)), so differences in the tails count more.</para>
/// <para><b>Statistic:</b> with <c>midrank</c> (the default, for data with ties) A²akN of Scholz &amp; Stephens' eq. 7 —
/// every distinct pooled value z_j with multiplicity l_j, B_j = #(Z &lt; z_j) + l_j/2, M_ij = #(sample i &lt; z_j) + f_ij/2:
/// A² = (N − 1)/N · Σ_i 1/n_i Σ_j l_j/N · (N·M_ij − B_j·n_i)²/(B_j(N − B_j) − N·l_j/4); without it A²kN of eq. 6 over
/// right-continuous counts (the last distinct value left out). The returned statistic is standardised:
/// (A² − (k − 1))/σ_N with σ_N² the finite-sample variance of eq. 4 (coefficients a, b, c, d from the harmonic sums
/// of 1..N − 1).</para>
/// <para><b>p-value</b> (SciPy's <c>significance_level</c>): the critical values at the levels 0.25, 0.10, 0.05, 0.025, 0.01,
/// 0.005 and 0.001 are b₀ + b₁/√m + b₂/m with m = k − 1 (Scholz &amp; Stephens' Table 2); ln(level) is fitted by least
/// squares as a quadratic in the critical value (as <c>np.polyfit</c>: Vandermonde columns scaled to unit norm, then
/// QR), and p = exp(fit(statistic)). The interpolation is only trusted between the table's ends, so p is capped:
/// a statistic below the smallest critical value gives p = 0.25 (read "p ≥ 0.25") and one above the largest gives
/// p = 0.001 (read "p ≤ 0.001"); <see cref="AndersonDarlingResult.PValueCapped"/> marks both. Use it to reject at 5 %
/// or 1 %, not to rank very small p-values.</para>
/// <para><b>Accuracy:</b> matches SciPy to 1e-9 + 1e-7·|x| on the committed reference cases (ties, tiny, large,
/// 2–5 samples, both caps). Without midranks SciPy squares 64-bit integers and silently overflows once
/// (N·M − B·n)² exceeds 2⁶³ (pooled samples above about 55,000 values); this implementation computes in doubles and
/// stays correct there.</para>
/// <para><b>Complexity:</b> O(N log N) for the sorts, O(k·N) for the sums, O(N) memory.</para>
/// </remarks>
public static class AndersonDarling
{
    private static readonly double[] Levels = [0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001];
    private static readonly double[] B0 = [0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085];
    private static readonly double[] B1 = [-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615];
    private static readonly double[] B2 = [-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154];

    /// <summary>The significance levels of <see cref="AndersonDarlingResult.CriticalValues"/>, in order:
    /// 0.25, 0.10, 0.05, 0.025, 0.01, 0.005, 0.001.</summary>
    public static IReadOnlyList<double> SignificanceLevels { get; } = new ReadOnlyCollection<double>(Levels);

    /// <summary>Tests whether k independent samples come from the same distribution.</summary>
    /// <param name="samples">At least two samples, each with at least one finite value; at least 4 values in total and
    /// at least 2 distinct values overall. Not modified.</param>
    /// <param name="midrank">Whether to use the midrank statistic (eq. 7; SciPy's default, right for data with ties) or the
    /// right-continuous one (eq. 6).</param>
    /// <returns>The standardised statistic, the capped p-value and the critical values.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> or one of its samples is null.</exception>
    /// <exception cref="ArgumentException">There are fewer than two samples, a sample is empty or holds NaN or an infinity
    /// (the message names the sample and index), there are fewer than 4 values in total, or every value is the same.</exception>
    public static AndersonDarlingResult KSample(IReadOnlyList<double[]> samples, bool midrank = true)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var k = samples.Count;
        if (k < 2)
        {
            throw new ArgumentException($"The k-sample Anderson–Darling test needs at least two samples; {k} given.", nameof(samples));
        }

        var total = 0;
        for (var i = 0; i < k; i++)
        {
            var sample = samples[i] ?? throw new ArgumentNullException(nameof(samples), $"Sample {i} is null.");
            if (sample.Length == 0)
            {
                throw new ArgumentException($"Sample {i} is empty; every sample needs at least one value.", nameof(samples));
            }

            if (!SampleGuard.IsFinite(sample, out _, out _))
            {
                var index = Array.FindIndex(sample, v => !double.IsFinite(v));
                throw new ArgumentException(
                    $"Sample {i} holds {sample[index]} at index {index}; only finite values are accepted (remove or impute missing values first).",
                    nameof(samples));
            }

            total = checked(total + sample.Length);
        }

        if (total < 4)
        {
            throw new ArgumentException($"The samples hold {total} values in total; the test's variance needs at least 4.", nameof(samples));
        }

        var sorted = new double[k][];
        var pooled = new double[total];
        var offset = 0;
        for (var i = 0; i < k; i++)
        {
            sorted[i] = (double[])samples[i].Clone();
            DoubleSorter.SortInPlace(sorted[i]);
            sorted[i].CopyTo(pooled, offset);
            offset += sorted[i].Length;
        }

        DoubleSorter.SortInPlace(pooled);
        var (distinct, multiplicity) = Distinct(pooled);
        if (distinct.Length < 2)
        {
            throw new ArgumentException("Every value is the same; the Anderson–Darling test needs at least two distinct values.", nameof(samples));
        }

        var a2 = midrank ? MidrankStatistic(sorted, distinct, multiplicity, total) : RightStatistic(sorted, distinct, multiplicity, total);
        var statistic = Standardise(a2, sorted, total);
        var critical = CriticalValuesFor(k - 1);
        double p;
        bool capped;
        if (statistic < critical[0])
        {
            (p, capped) = (Levels[0], true);
        }
        else if (statistic > critical[^1])
        {
            (p, capped) = (Levels[^1], true);
        }
        else
        {
            (p, capped) = (Math.Exp(QuadraticFit(critical, statistic)), false);
        }

        return new AndersonDarlingResult(statistic, p, new ReadOnlyCollection<double>(critical), capped);
    }

    private static (double[] Values, int[] Counts) Distinct(double[] pooled)
    {
        var values = new List<double>();
        var counts = new List<int>();
        for (var i = 0; i < pooled.Length;)
        {
            var j = i + 1;
            while (j < pooled.Length && pooled[j] == pooled[i])
            {
                j++;
            }

            values.Add(pooled[i]);
            counts.Add(j - i);
            i = j;
        }

        return (values.ToArray(), counts.ToArray());
    }

    /// <summary>A²akN, Scholz &amp; Stephens eq. 7 (SciPy's <c>_anderson_ksamp_midrank</c>, same order of operations).</summary>
    private static double MidrankStatistic(double[][] samples, double[] distinct, int[] multiplicity, int total)
    {
        double n = total;
        var ties = distinct.Length != total;
        var below = new double[distinct.Length];
        var cumulative = 0;
        for (var j = 0; j < distinct.Length; j++)
        {
            below[j] = cumulative + ((ties ? multiplicity[j] : 1.0) / 2.0);
            cumulative += multiplicity[j];
        }

        double a2 = 0;
        foreach (var sample in samples)
        {
            double size = sample.Length;
            double sum = 0;
            var position = 0;
            for (var j = 0; j < distinct.Length; j++)
            {
                while (position < sample.Length && sample[position] < distinct[j])
                {
                    position++;
                }

                var lower = position;
                while (position < sample.Length && sample[position] == distinct[j])
                {
                    position++;
                }

                double lj = ties ? multiplicity[j] : 1.0;
                var mij = position - ((position - lower) / 2.0);
                var bj = below[j];
                var gap = (n * mij) - (bj * size);
                sum += lj / n * (gap * gap) / ((bj * (n - bj)) - (n * lj / 4.0));
            }

            a2 += sum / size;
        }

        return a2 * ((n - 1.0) / n);
    }

    /// <summary>A²kN, Scholz &amp; Stephens eq. 6 (SciPy's <c>_anderson_ksamp_right</c>), in doubles.</summary>
    private static double RightStatistic(double[][] samples, double[] distinct, int[] multiplicity, int total)
    {
        double n = total;
        double a2 = 0;
        foreach (var sample in samples)
        {
            double size = sample.Length;
            double sum = 0;
            var position = 0;
            long atOrBelow = 0;
            for (var j = 0; j < distinct.Length - 1; j++)
            {
                while (position < sample.Length && sample[position] <= distinct[j])
                {
                    position++;
                }

                atOrBelow += multiplicity[j];
                double lj = multiplicity[j];
                double bj = atOrBelow;
                var gap = (n * position) - (bj * size);
                sum += lj / n * (gap * gap) / (bj * (n - bj));
            }

            a2 += sum / size;
        }

        return a2;
    }

    /// <summary>(A² − (k − 1))/σ_N with σ_N² from Scholz &amp; Stephens eq. 4, as SciPy evaluates it.</summary>
    private static double Standardise(double a2, double[][] samples, int total)
    {
        double k = samples.Length;
        double h0 = 0;
        foreach (var sample in samples)
        {
            h0 += 1.0 / sample.Length;
        }

        // hs_cs = cumsum(1/(N−1), 1/(N−2), …, 1/2); h = hs_cs[−1] + 1; g = Σ hs_cs[i]/(i + 2).
        double running = 0, g = 0;
        for (var i = 0; i < total - 2; i++)
        {
            running += 1.0 / (total - 1 - i);
            g += running / (i + 2);
        }

        var h = running + 1;
        var a = (((4 * g) - 6) * (k - 1)) + ((10 - (6 * g)) * h0);
        var b = (((2 * g) - 4) * k * k) + (8 * h * k) + ((((2 * g) - (14 * h)) - 4) * h0) - (8 * h) + (4 * g) - 6;
        var c = ((((6 * h) + (2 * g)) - 2) * k * k) + ((((4 * h) - (4 * g)) + 6) * k) + (((2 * h) - 6) * h0) + (4 * h);
        var d = (((2 * h) + 6) * k * k) - (4 * h * k);
        Int128 size = total;
        var sigmaSquared = ((a * (double)(size * size * size)) + (b * (double)(size * size)) + (c * total) + d)
            / ((total - 1.0) * (total - 2.0) * (total - 3.0));
        return (a2 - (k - 1)) / Math.Sqrt(sigmaSquared);
    }

    private static double[] CriticalValuesFor(int m)
    {
        var critical = new double[Levels.Length];
        var root = Math.Sqrt(m);
        for (var i = 0; i < critical.Length; i++)
        {
            critical[i] = B0[i] + (B1[i] / root) + (B2[i] / m);
        }

        return critical;
    }

    /// <summary>ln(level) fitted as a quadratic in the critical value by least squares (as <c>np.polyfit(critical,
    /// log(levels), 2)</c>: columns scaled to unit norm before solving) and evaluated at <paramref name="x"/> by Horner's rule.</summary>
    private static double QuadraticFit(double[] critical, double x)
    {
        var design = Matrix<double>.Build.Dense(critical.Length, 3, (i, j) => j == 0 ? critical[i] * critical[i] : j == 1 ? critical[i] : 1.0);
        var scale = new double[3];
        for (var j = 0; j < 3; j++)
        {
            scale[j] = design.Column(j).L2Norm();
            design.SetColumn(j, design.Column(j) / scale[j]);
        }

        var target = Vector<double>.Build.Dense(critical.Length, i => Math.Log(Levels[i]));
        var solution = design.QR().Solve(target);
        var c0 = solution[0] / scale[0];
        var c1 = solution[1] / scale[1];
        var c2 = solution[2] / scale[2];
        return (((c0 * x) + c1) * x) + c2;
    }
}
