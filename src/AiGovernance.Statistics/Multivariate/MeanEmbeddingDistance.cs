namespace AiGovernance.Statistics;

/// <summary>How far apart two samples' mean vectors are (Euclidean and cosine), with seeded permutation p-values — the
/// simplest embedding drift check (as Evidently's "distance" embedding drift method, with a p-value instead of a fixed
/// threshold).</summary>
/// <remarks>
/// <para>Rows are row-major, <c>dimension</c> values each, floats (embeddings) or doubles; means are accumulated in double.
/// The p-value of each distance is (1 + #{b: distance_b ≥ observed})/(1 + B) over B seeded label permutations
/// (<see cref="SplitMix64Random"/> Fisher–Yates, the same permutations for both distances), a valid level-α test.</para>
/// <para><b>Complexity:</b> O(B·min(m, n)·d) time (each permutation sums the smaller side's rows; the other mean follows
/// from the pooled total), O((m + n)·d) for the pooled copy. A side with more than
/// <see cref="MeanEmbeddingDistanceOptions.MaxRowsPerSide"/> rows (4,000) is replaced by a seeded random sample.</para>
/// </remarks>
public static class MeanEmbeddingDistance
{
    /// <summary>The Euclidean and cosine distances between the mean vectors of two samples of float rows.</summary>
    /// <param name="x">The first sample (e.g. reference embeddings), row-major; at least 1 row.</param>
    /// <param name="y">The second sample, row-major; at least 1 row.</param>
    /// <param name="dimension">Values per row.</param>
    /// <param name="options">Permutations, seed and the per-side row limit; the defaults when <see langword="null"/>.</param>
    /// <returns>Both distances and their p-values.</returns>
    /// <exception cref="ArgumentException">A sample is not a whole number of rows, is empty, holds NaN or an infinity, or its sums
    /// overflow.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is below 1 or an option is out of range.</exception>
    public static MeanEmbeddingDistanceResult Test(
        ReadOnlySpan<float> x,
        ReadOnlySpan<float> y,
        int dimension,
        MeanEmbeddingDistanceOptions? options)
    {
        RowKernels.Rows(x.Length, dimension, nameof(x));
        RowKernels.Rows(y.Length, dimension, nameof(y));
        RowKernels.ThrowIfNotFinite(x, dimension, nameof(x));
        RowKernels.ThrowIfNotFinite(y, dimension, nameof(y));
        options = MeanEmbeddingDistanceOptions.Validate(options);
        var sampling = new SplitMix64Random(options.Seed ^ 0x3EA9);
        x = RowSampling.Take(x, dimension, options.MaxRowsPerSide, ref sampling);
        y = RowSampling.Take(y, dimension, options.MaxRowsPerSide, ref sampling);
        var pooled = new double[x.Length + y.Length];
        for (var i = 0; i < x.Length; i++)
        {
            pooled[i] = x[i];
        }

        for (var i = 0; i < y.Length; i++)
        {
            pooled[x.Length + i] = y[i];
        }

        return Run(pooled, x.Length / dimension, y.Length / dimension, dimension, options.Permutations, options.Seed, nameof(y));
    }

    /// <summary>The Euclidean and cosine distances between the mean vectors of two samples of double rows.</summary>
    /// <param name="x">The first sample, row-major; at least 1 row.</param>
    /// <param name="y">The second sample, row-major; at least 1 row.</param>
    /// <param name="dimension">Values per row.</param>
    /// <param name="options">Permutations, seed and the per-side row limit; the defaults when <see langword="null"/>.</param>
    /// <returns>Both distances and their p-values.</returns>
    /// <exception cref="ArgumentException">A sample is not a whole number of rows, is empty, holds NaN or an infinity, or its sums
    /// overflow.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is below 1 or an option is out of range.</exception>
    public static MeanEmbeddingDistanceResult Test(
        ReadOnlySpan<double> x,
        ReadOnlySpan<double> y,
        int dimension,
        MeanEmbeddingDistanceOptions? options)
    {
        RowKernels.Rows(x.Length, dimension, nameof(x));
        RowKernels.Rows(y.Length, dimension, nameof(y));
        RowKernels.ThrowIfNotFinite(x, dimension, nameof(x));
        RowKernels.ThrowIfNotFinite(y, dimension, nameof(y));
        options = MeanEmbeddingDistanceOptions.Validate(options);
        var sampling = new SplitMix64Random(options.Seed ^ 0x3EA9);
        x = RowSampling.Take(x, dimension, options.MaxRowsPerSide, ref sampling);
        y = RowSampling.Take(y, dimension, options.MaxRowsPerSide, ref sampling);
        var pooled = new double[x.Length + y.Length];
        x.CopyTo(pooled);
        y.CopyTo(pooled.AsSpan(x.Length));
        return Run(pooled, x.Length / dimension, y.Length / dimension, dimension, options.Permutations, options.Seed, nameof(y));
    }

    private static MeanEmbeddingDistanceResult Run(double[] pooled, int m, int n, int d, int permutations, long seed, string paramName)
    {
        var total = m + n;
        var grand = new double[d];
        for (var i = 0; i < total; i++)
        {
            RowKernels.AddScaled(grand, pooled.AsSpan(i * d, d), 1.0);
        }

        foreach (var v in grand)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException("The rows' sums overflow a double (values near ±1e308); rescale the data.", paramName);
            }
        }

        // Sum whichever side is smaller; the other side's sum is the grand total minus it.
        var small = Math.Min(m, n);
        var smallIsX = m <= n;
        var members = new int[total];
        for (var i = 0; i < total; i++)
        {
            members[i] = smallIsX ? i : m + i < total ? m + i : i - n;
        }

        var sum = new double[d];
        var (euclidean, cosine) = Distances(pooled, members.AsSpan(0, small), grand, sum, m, n, smallIsX, d);
        var random = new SplitMix64Random(seed);
        int euclideanAtLeast = 0, cosineAtLeast = 0;
        for (var b = 0; b < permutations; b++)
        {
            for (var i = 0; i < small; i++)
            {
                var j = i + (int)random.NextBounded((ulong)(total - i));
                (members[i], members[j]) = (members[j], members[i]);
            }

            var (e, c) = Distances(pooled, members.AsSpan(0, small), grand, sum, m, n, smallIsX, d);
            euclideanAtLeast += e >= euclidean ? 1 : 0;
            cosineAtLeast += c >= cosine ? 1 : 0;
        }

        var cosineP = double.IsNaN(cosine) ? double.NaN : (1.0 + cosineAtLeast) / (1.0 + permutations);
        return new MeanEmbeddingDistanceResult(euclidean, (1.0 + euclideanAtLeast) / (1.0 + permutations), cosine, cosineP, permutations, m, n);
    }

    private static (double Euclidean, double Cosine) Distances(
        double[] pooled, ReadOnlySpan<int> smallSide, double[] grand, double[] sum, int m, int n, bool smallIsX, int d)
    {
        Array.Clear(sum);
        foreach (var i in smallSide)
        {
            RowKernels.AddScaled(sum, pooled.AsSpan(i * d, d), 1.0);
        }

        double difference = 0, dot = 0, xx = 0, yy = 0;
        for (var k = 0; k < d; k++)
        {
            var sx = smallIsX ? sum[k] : grand[k] - sum[k];
            var mx = sx / m;
            var my = (grand[k] - sx) / n;
            var gap = mx - my;
            difference += gap * gap;
            dot += mx * my;
            xx += mx * mx;
            yy += my * my;
        }

        var cosine = xx > 0 && yy > 0 ? 1 - (dot / (Math.Sqrt(xx) * Math.Sqrt(yy))) : double.NaN;
        return (Math.Sqrt(difference), cosine);
    }
}
