using System.Runtime.InteropServices;
using MathNet.Numerics.Distributions;

namespace AiGovernance.Statistics;

/// <summary>The maximum mean discrepancy (MMD) two-sample test with a Gaussian kernel, for rows of numbers (tabular
/// features, embeddings).</summary>
/// <remarks>
/// <para><b>Data layout:</b> each sample is a row-major matrix: <c>dimension</c> consecutive values per row, as a
/// <see cref="ReadOnlySpan{T}"/> of doubles or of floats (embeddings; widened to double inside every distance).</para>
/// <para><b>Kernel:</b> k(a, b) = exp(−‖a − b‖²/(2σ²)), squared distances summed from differences. <b>Median
/// heuristic</b> (Gretton et al. 2012): σ² = median/2 of the squared distances over all pairs of the pooled sample (a
/// seeded sample of <see cref="MmdOptions.MedianHeuristicRows"/> rows when larger; NumPy's median, the mean of the two
/// middle values for an even count), so k = exp(−d²/median) (as alibi-detect). When more than half of the pairs coincide
/// the mean squared distance replaces the median, and σ = 1 when all rows are equal.</para>
/// <para><b>Unbiased estimator</b> (Gretton et al. 2012, eq. 3): MMD²_u = Σ_{i≠j} k(x_i, x_j)/(m(m − 1)) +
/// Σ_{i≠j} k(y_i, y_j)/(n(n − 1)) − 2Σ k(x_i, y_j)/(mn), in O((m + n)²·d) time; the tests check it against a direct
/// NumPy computation to 1e-12. Its p-value is a permutation p-value: the pooled kernel matrix is computed once, the
/// labels are permuted (seeded Fisher–Yates, <see cref="SplitMix64Random"/>), and p = (1 + #{b: MMD²_b ≥ MMD²})/(1 + B),
/// which has level at most α for any α (exactly α when α(B + 1) is an integer). Each permutation costs one pass over
/// m rows of the kernel matrix: O(B·m·(m + n)). Memory: the (m + n)² kernel matrix; a side with more than
/// <see cref="MmdOptions.MaxRowsPerSide"/> rows (4,000 by default) is replaced by a seeded random sample of that many.</para>
/// <para><b>Linear-time estimator</b> (Gretton et al. 2012, §6): with L = ⌊min(m, n)/2⌋ disjoint pairs,
/// h_i = k(x_{2i}, x_{2i+1}) + k(y_{2i}, y_{2i+1}) − k(x_{2i}, y_{2i+1}) − k(x_{2i+1}, y_{2i}); MMD²_l = mean(h), which is
/// asymptotically normal, so p = Φ̄(MMD²_l / (s_h/√L)) with s_h the sample standard deviation of h (p = 0 or 1 when
/// every h is equal). O(L·d) time and O(1) extra memory: the choice for large samples (100,000 × 384 embeddings in
/// well under a second plus the heuristic), at the price of power. Rows are paired in the order given, so shuffle
/// data that arrive sorted.</para>
/// </remarks>
public static class MaximumMeanDiscrepancy
{
    /// <summary>The median-heuristic bandwidth σ of the pooled sample.</summary>
    /// <param name="x">The first sample, row-major; at least 1 row.</param>
    /// <param name="y">The second sample, row-major; at least 1 row.</param>
    /// <param name="dimension">Values per row.</param>
    /// <param name="maxRows">At most this many pooled rows enter the median (a seeded sample when there are more); at least 2
    /// (1000 is <see cref="MmdOptions.MedianHeuristicRows"/>'s default).</param>
    /// <param name="seed">The seed of that sample.</param>
    /// <returns>σ &gt; 0.</returns>
    /// <exception cref="ArgumentException">A sample is not a whole number of rows, is empty, or holds NaN or an infinity, or (median heuristic)
    /// the squared distances overflow.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is below 1 or <paramref name="maxRows"/> is outside [2,
    /// 20,000].</exception>
    public static double MedianHeuristicBandwidth(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int dimension, int maxRows, long seed)
    {
        Validate(x, y, dimension, 1);
        ValidateMaxRows(maxRows);
        return Median(x, y, dimension, maxRows, seed);
    }

    /// <summary>The median-heuristic bandwidth σ of pooled float rows (embeddings).</summary>
    /// <param name="x">The first sample, row-major; at least 1 row.</param>
    /// <param name="y">The second sample, row-major; at least 1 row.</param>
    /// <param name="dimension">Values per row.</param>
    /// <param name="maxRows">At most this many pooled rows enter the median; at least 2.</param>
    /// <param name="seed">The seed of that sample.</param>
    /// <returns>σ &gt; 0.</returns>
    /// <exception cref="ArgumentException">A sample is not a whole number of rows, is empty, or holds NaN or an infinity, or (median heuristic)
    /// the squared distances overflow.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is below 1 or <paramref name="maxRows"/> is outside [2,
    /// 20,000].</exception>
    public static double MedianHeuristicBandwidth(ReadOnlySpan<float> x, ReadOnlySpan<float> y, int dimension, int maxRows, long seed)
    {
        Validate(x, y, dimension, 1);
        ValidateMaxRows(maxRows);
        return Median(x, y, dimension, maxRows, seed);
    }

    /// <summary>The unbiased estimate MMD²_u with a given bandwidth.</summary>
    /// <param name="x">The first sample, row-major; at least 2 rows.</param>
    /// <param name="y">The second sample, row-major; at least 2 rows.</param>
    /// <param name="dimension">Values per row.</param>
    /// <param name="bandwidth">The kernel's σ; positive and finite.</param>
    /// <returns>MMD²_u.</returns>
    /// <exception cref="ArgumentException">A sample is not a whole number of rows, has fewer than 2 rows, or holds NaN or an infinity.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is below 1 or <paramref name="bandwidth"/> is not positive and
    /// finite.</exception>
    public static double Statistic(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int dimension, double bandwidth)
    {
        Validate(x, y, dimension, 2);
        ValidateBandwidth(bandwidth);
        return Direct(x, y, dimension, bandwidth);
    }

    /// <summary>The unbiased estimate MMD²_u of float rows (embeddings) with a given bandwidth.</summary>
    /// <param name="x">The first sample, row-major; at least 2 rows.</param>
    /// <param name="y">The second sample, row-major; at least 2 rows.</param>
    /// <param name="dimension">Values per row.</param>
    /// <param name="bandwidth">The kernel's σ; positive and finite.</param>
    /// <returns>MMD²_u.</returns>
    /// <exception cref="ArgumentException">A sample is not a whole number of rows, has fewer than 2 rows, or holds NaN or an infinity.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is below 1 or <paramref name="bandwidth"/> is not positive and
    /// finite.</exception>
    public static double Statistic(ReadOnlySpan<float> x, ReadOnlySpan<float> y, int dimension, double bandwidth)
    {
        Validate(x, y, dimension, 2);
        ValidateBandwidth(bandwidth);
        return Direct(x, y, dimension, bandwidth);
    }

    /// <summary>The unbiased MMD² with a seeded permutation p-value.</summary>
    /// <param name="x">The first sample (e.g. the reference), row-major; at least 2 rows.</param>
    /// <param name="y">The second sample (e.g. the current window), row-major; at least 2 rows.</param>
    /// <param name="dimension">Values per row.</param>
    /// <param name="options">Bandwidth, permutations and seed; the defaults when <see langword="null"/> (<see cref="MmdOptions"/>:
    /// median-heuristic bandwidth, 500 permutations, seed 26).</param>
    /// <returns>MMD²_u, its permutation p-value and the bandwidth used.</returns>
    /// <exception cref="ArgumentException">A sample is not a whole number of rows, has fewer than 2 rows or holds NaN or an
    /// infinity, or (median heuristic) the squared distances overflow.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is below 1 or an option is out of range.</exception>
    public static MmdResult PermutationTest(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int dimension, MmdOptions? options)
    {
        Validate(x, y, dimension, 2);
        options = MmdOptions.Validate(options);
        return Permutations(x, y, dimension, options, parallel: true);
    }

    /// <summary>The permutation test on one core or on every core (the results are equal bit for bit; tests compare them).</summary>
    internal static MmdResult PermutationTest(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int dimension, MmdOptions? options, bool parallel)
    {
        Validate(x, y, dimension, 2);
        options = MmdOptions.Validate(options);
        return Permutations(x, y, dimension, options, parallel);
    }

    /// <summary>The unbiased MMD² of float rows (embeddings) with a seeded permutation p-value.</summary>
    /// <param name="x">The first sample (e.g. the reference), row-major; at least 2 rows.</param>
    /// <param name="y">The second sample (e.g. the current window), row-major; at least 2 rows.</param>
    /// <param name="dimension">Values per row.</param>
    /// <param name="options">Bandwidth, permutations and seed; the defaults when <see langword="null"/> (<see cref="MmdOptions"/>:
    /// median-heuristic bandwidth, 500 permutations, seed 26).</param>
    /// <returns>MMD²_u, its permutation p-value and the bandwidth used.</returns>
    /// <exception cref="ArgumentException">A sample is not a whole number of rows, has fewer than 2 rows or holds NaN or an
    /// infinity, or (median heuristic) the squared distances overflow.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is below 1 or an option is out of range.</exception>
    public static MmdResult PermutationTest(ReadOnlySpan<float> x, ReadOnlySpan<float> y, int dimension, MmdOptions? options)
    {
        Validate(x, y, dimension, 2);
        options = MmdOptions.Validate(options);
        return Permutations(x, y, dimension, options, parallel: true);
    }

    /// <summary>The linear-time MMD² with its normal p-value, for large samples.</summary>
    /// <param name="x">The first sample, row-major; at least 4 rows.</param>
    /// <param name="y">The second sample, row-major; at least 4 rows.</param>
    /// <param name="dimension">Values per row.</param>
    /// <param name="options">Bandwidth and the median heuristic's sample; <see cref="MmdOptions.Permutations"/> is not used.</param>
    /// <returns>MMD²_l, its p-value and the bandwidth used.</returns>
    /// <exception cref="ArgumentException">A sample is not a whole number of rows, has fewer than 4 rows, or holds NaN or an infinity, or (median
    /// heuristic) the squared distances overflow.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is below 1 or an option is out of range.</exception>
    public static MmdResult LinearTimeTest(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int dimension, MmdOptions? options)
    {
        Validate(x, y, dimension, 4);
        options = MmdOptions.Validate(options);
        return Linear(x, y, dimension, options);
    }

    /// <summary>The linear-time MMD² of float rows (embeddings) with its normal p-value, for large samples.</summary>
    /// <param name="x">The first sample, row-major; at least 4 rows.</param>
    /// <param name="y">The second sample, row-major; at least 4 rows.</param>
    /// <param name="dimension">Values per row.</param>
    /// <param name="options">Bandwidth and the median heuristic's sample; <see cref="MmdOptions.Permutations"/> is not used.</param>
    /// <returns>MMD²_l, its p-value and the bandwidth used.</returns>
    /// <exception cref="ArgumentException">A sample is not a whole number of rows, has fewer than 4 rows, or holds NaN or an infinity, or (median
    /// heuristic) the squared distances overflow.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is below 1 or an option is out of range.</exception>
    public static MmdResult LinearTimeTest(ReadOnlySpan<float> x, ReadOnlySpan<float> y, int dimension, MmdOptions? options)
    {
        Validate(x, y, dimension, 4);
        options = MmdOptions.Validate(options);
        return Linear(x, y, dimension, options);
    }

    private static void Validate<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, int dimension, int minimumRows)
        where T : unmanaged
    {
        RowKernels.Rows(x.Length, dimension, nameof(x), minimumRows);
        RowKernels.Rows(y.Length, dimension, nameof(y), minimumRows);
        if (typeof(T) == typeof(float))
        {
            RowKernels.ThrowIfNotFinite(MemoryMarshal.Cast<T, float>(x), dimension, nameof(x));
            RowKernels.ThrowIfNotFinite(MemoryMarshal.Cast<T, float>(y), dimension, nameof(y));
        }
        else
        {
            RowKernels.ThrowIfNotFinite(MemoryMarshal.Cast<T, double>(x), dimension, nameof(x));
            RowKernels.ThrowIfNotFinite(MemoryMarshal.Cast<T, double>(y), dimension, nameof(y));
        }
    }

    private static void ValidateBandwidth(double bandwidth)
    {
        if (!(bandwidth > 0 && double.IsFinite(bandwidth)))
        {
            throw new ArgumentOutOfRangeException(nameof(bandwidth), bandwidth, "The bandwidth must be positive and finite.");
        }
    }

    private static void ValidateMaxRows(int maxRows)
    {
        if (maxRows is < 2 or > MmdDefaults.MaximumMedianHeuristicRows)
        {
            throw new ArgumentOutOfRangeException(
                nameof(maxRows), maxRows, $"The median heuristic needs between 2 and {MmdDefaults.MaximumMedianHeuristicRows} rows.");
        }
    }

    /// <summary>‖a − b‖² for rows of either element type (the type test is resolved when the method is compiled).</summary>
    private static double Distance<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b)
        where T : unmanaged =>
        typeof(T) == typeof(float)
            ? RowKernels.SquaredDistance(MemoryMarshal.Cast<T, float>(a), MemoryMarshal.Cast<T, float>(b))
            : RowKernels.SquaredDistance(MemoryMarshal.Cast<T, double>(a), MemoryMarshal.Cast<T, double>(b));

    private static ReadOnlySpan<T> PooledRow<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, int dimension, int index)
        where T : unmanaged
    {
        var m = x.Length / dimension;
        return index < m ? x.Slice(index * dimension, dimension) : y.Slice((index - m) * dimension, dimension);
    }

    private static double Median<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, int dimension, int maxRows, long seed)
        where T : unmanaged
    {
        var pooled = (x.Length + y.Length) / dimension;
        var rows = SampleRows(pooled, maxRows, seed);
        var count = rows.Length;
        var distances = new double[(long)count * (count - 1) / 2];
        var k = 0;
        for (var i = 0; i < count; i++)
        {
            var a = PooledRow(x, y, dimension, rows[i]);
            for (var j = i + 1; j < count; j++)
            {
                distances[k++] = Distance(a, PooledRow(x, y, dimension, rows[j]));
            }
        }

        return BandwidthFromDistances(distances, nameof(y));
    }

    /// <summary>The median heuristic from the squared distances of the pooled rows <see cref="SampleRows"/> picks, read
    /// from the upper triangle of a pooled matrix of squared distances (total × total) in the order
    /// <see cref="Median{T}"/> computes them.</summary>
    private static double MedianOfPooled(double[] squaredDistances, int total, int maxRows, long seed, string paramName)
    {
        var rows = SampleRows(total, maxRows, seed);
        var count = rows.Length;
        var distances = new double[(long)count * (count - 1) / 2];
        var k = 0;
        for (var i = 0; i < count; i++)
        {
            var row = squaredDistances.AsSpan(rows[i] * total, total);
            for (var j = i + 1; j < count; j++)
            {
                distances[k++] = row[rows[j]];
            }
        }

        return BandwidthFromDistances(distances, paramName);
    }

    /// <summary>σ from the pairs' squared distances: the median (by selection when every distance is finite: the same
    /// order statistics as sorting), the mean when the median is 0, 1 when there are no pairs.</summary>
    private static double BandwidthFromDistances(double[] distances, string paramName)
    {
        if (distances.Length == 0)
        {
            return 1.0;
        }

        var half = distances.Length / 2;
        double median;
        if (SampleGuard.IsFinite(distances, out _, out _))
        {
            Span<int> ranks = [half - 1, half];
            Span<ulong> keys = stackalloc ulong[2];
            var odd = distances.Length % 2 == 1;
            QuantileSelector.SelectRanks(distances, odd ? ranks[1..] : ranks, odd ? keys[1..] : keys);
            var upper = BitConverter.UInt64BitsToDouble(DoubleSorter.FromKey(keys[1]));
            median = odd ? upper : (BitConverter.UInt64BitsToDouble(DoubleSorter.FromKey(keys[0])) + upper) / 2;
        }
        else
        {
            Array.Sort(distances);
            median = distances.Length % 2 == 1 ? distances[half] : (distances[half - 1] + distances[half]) / 2;
        }

        if (median == 0)
        {
            // The mean in ascending order (as it has always been summed).
            Array.Sort(distances);
            double sum = 0;
            foreach (var d in distances)
            {
                sum += d;
            }

            median = sum / distances.Length;
        }

        if (!double.IsFinite(median))
        {
            throw new ArgumentException(
                "Squared distances between rows overflow a double (values near ±1e154 or beyond); rescale the data.", paramName);
        }

        return median > 0 ? Math.Sqrt(median / 2) : 1.0;
    }

    /// <summary>All of 0..pooled − 1 when there are at most <paramref name="maxRows"/>, else a seeded sample of that many
    /// (partial Fisher–Yates), in ascending order.</summary>
    private static int[] SampleRows(int pooled, int maxRows, long seed)
    {
        var indices = new int[pooled];
        for (var i = 0; i < pooled; i++)
        {
            indices[i] = i;
        }

        if (pooled <= maxRows)
        {
            return indices;
        }

        var random = new SplitMix64Random(seed);
        for (var i = 0; i < maxRows; i++)
        {
            var j = i + (int)random.NextBounded((ulong)(pooled - i));
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }

        var sample = indices.AsSpan(0, maxRows).ToArray();
        Array.Sort(sample);
        return sample;
    }

    private static double Gamma(double bandwidth) => 1.0 / (2 * bandwidth * bandwidth);

    /// <summary>MMD²_u straight from its definition: the three block means of the kernel.</summary>
    private static double Direct<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, int dimension, double bandwidth)
        where T : unmanaged
    {
        var gamma = Gamma(bandwidth);
        int m = x.Length / dimension, n = y.Length / dimension;
        double xx = 0, yy = 0, xy = 0;
        for (var i = 0; i < m; i++)
        {
            var a = x.Slice(i * dimension, dimension);
            for (var j = i + 1; j < m; j++)
            {
                xx += Math.Exp(-gamma * Distance(a, x.Slice(j * dimension, dimension)));
            }

            for (var j = 0; j < n; j++)
            {
                xy += Math.Exp(-gamma * Distance(a, y.Slice(j * dimension, dimension)));
            }
        }

        for (var i = 0; i < n; i++)
        {
            var a = y.Slice(i * dimension, dimension);
            for (var j = i + 1; j < n; j++)
            {
                yy += Math.Exp(-gamma * Distance(a, y.Slice(j * dimension, dimension)));
            }
        }

        return (2 * xx / ((double)m * (m - 1))) + (2 * yy / ((double)n * (n - 1))) - (2 * xy / ((double)m * n));
    }

    private static MmdResult Permutations<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, int dimension, MmdOptions options, bool parallel)
        where T : unmanaged
    {
        // A seeded sample of each large side bounds the kernel matrix (a stream apart from the permutations').
        var sampling = new SplitMix64Random(options.Seed ^ 0x5A4D5D);
        x = RowSampling.Take(x, dimension, options.MaxRowsPerSide, ref sampling);
        y = RowSampling.Take(y, dimension, options.MaxRowsPerSide, ref sampling);
        int m = x.Length / dimension, n = y.Length / dimension, total = m + n;
        var pooled = new T[x.Length + y.Length];
        x.CopyTo(pooled);
        y.CopyTo(pooled.AsSpan(x.Length));

        // Squared distances first: the median heuristic's pairs are pooled pairs, so they are read, not recomputed.
        var kernel = new double[(long)total * total];
        PooledKernel.Distances(pooled, dimension, kernel, parallel);
        var bandwidth = double.IsNaN(options.Bandwidth)
            ? MedianOfPooled(kernel, total, options.MedianHeuristicRows, options.Seed, nameof(y))
            : options.Bandwidth;
        var rowSums = PooledKernel.Exponentiate(kernel, total, Gamma(bandwidth), parallel);
        double grand = 0;
        foreach (var s in rowSums)
        {
            grand += s;
        }

        var statistic = PooledKernel.Statistic(kernel, m, n);
        var indicator = new double[total];
        var members = new int[total];
        for (var i = 0; i < total; i++)
        {
            members[i] = i;
        }

        // The observed split in the same arithmetic as the permuted ones, so that ties compare like with like.
        var observed = FromIndicator(kernel, rowSums, grand, members.AsSpan(0, m), indicator, m, n);
        var random = new SplitMix64Random(options.Seed);
        var atLeast = PooledKernel.CountAtLeast(kernel, rowSums, grand, m, n, members, ref random, options.Permutations, observed, parallel);
        var p = (1.0 + atLeast) / (1.0 + options.Permutations);
        return new MmdResult(statistic, p, bandwidth, options.Permutations, MmdEstimator.Unbiased, m, n);
    }

    /// <summary>MMD²_u of the split whose first sample is <paramref name="first"/>, from the kernel matrix: with A the kernel
    /// sum over the first sample's block (diagonal included) and R its rows' sums, the three off-diagonal block sums are
    /// A − m, R − A and (grand − 2R + A) − n (the diagonal of a Gaussian kernel is 1).</summary>
    private static double FromIndicator(double[] kernel, double[] rowSums, double grand, ReadOnlySpan<int> first, double[] indicator, int m, int n)
    {
        var total = m + n;
        Array.Clear(indicator);
        double r = 0;
        foreach (var i in first)
        {
            indicator[i] = 1.0;
            r += rowSums[i];
        }

        double a = 0;
        foreach (var i in first)
        {
            a += RowKernels.Dot(kernel.AsSpan(i * total, total), indicator);
        }

        return PooledKernel.Split(a, r, grand, m, n);
    }

    private static MmdResult Linear<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, int dimension, MmdOptions options)
        where T : unmanaged
    {
        var bandwidth = double.IsNaN(options.Bandwidth) ? Median(x, y, dimension, options.MedianHeuristicRows, options.Seed) : options.Bandwidth;
        var gamma = Gamma(bandwidth);
        var pairs = Math.Min(x.Length, y.Length) / dimension / 2;
        double mean = 0, squares = 0;
        for (var i = 0; i < pairs; i++)
        {
            var x1 = x.Slice(2 * i * dimension, dimension);
            var x2 = x.Slice(((2 * i) + 1) * dimension, dimension);
            var y1 = y.Slice(2 * i * dimension, dimension);
            var y2 = y.Slice(((2 * i) + 1) * dimension, dimension);
            var h = Math.Exp(-gamma * Distance(x1, x2)) + Math.Exp(-gamma * Distance(y1, y2))
                - Math.Exp(-gamma * Distance(x1, y2)) - Math.Exp(-gamma * Distance(x2, y1));

            // Welford's update: the mean and the centred sum of squares in one pass.
            var delta = h - mean;
            mean += delta / (i + 1);
            squares += delta * (h - mean);
        }

        var variance = squares / (pairs - 1);
        double p;
        if (variance > 0)
        {
            p = Normal.CDF(0, 1, -mean / Math.Sqrt(variance / pairs));
        }
        else
        {
            p = mean > 0 ? 0.0 : 1.0;
        }

        return new MmdResult(mean, p, bandwidth, 0, MmdEstimator.LinearTime, x.Length / dimension, y.Length / dimension);
    }
}
