using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AiGovernance.Statistics;

/// <summary>The pooled Gaussian kernel matrix of the MMD permutation test, built and scored on every core with the same
/// floating-point operations, in the same order for every sum, as the one-core definition (so results are equal bit for
/// bit whether or not the work runs in parallel).</summary>
/// <remarks>
/// <para><b>Build:</b> the pooled squared distances of the upper triangle (rows in parallel); the median-heuristic
/// bandwidth from those same distances (the heuristic's pairs are pairs of the pooled sample, so nothing is computed
/// twice; the median by selection, which picks the same order statistics as sorting); then exp(−γd²) in place and
/// mirrored into the lower triangle tile by tile (cache-friendly), and every row's sum.</para>
/// <para><b>Permutations</b> are drawn one after another from the seeded generator exactly as before, a batch at a time;
/// each batch is scored in one pass over the kernel rows (a row is read once per batch, not once per permutation), each
/// row dotted with the batch's 0/1 indicators, held as bit masks, by the same vectorised dot product as
/// <see cref="RowKernels.Dot"/> (multiplying by 1.0 or 0.0 from a table); a permutation's sums then run over its first
/// sample in its own order.</para>
/// </remarks>
internal static class PooledKernel
{
    /// <summary>Permutations scored per pass over the kernel matrix.</summary>
    internal const int PermutationBatch = 64;

    /// <summary>Rows handed to a worker at a time: small enough to balance the triangle's uneven rows.</summary>
    private const int RowGrain = 16;

    /// <summary>Tile side of the mirroring pass.</summary>
    private const int Tile = 32;

    /// <summary>The 0/1 indicator of four consecutive rows, for each 4-bit pattern (bit k is row k).</summary>
    private static readonly Vector256<double>[] Indicators = CreateIndicators();

    /// <summary>Runs <paramref name="body"/> over [0, count) in ranges, on the thread pool when <paramref name="parallel"/>.</summary>
    public static void ForRanges(int count, int grain, bool parallel, Action<int, int> body)
    {
        if (!parallel || count <= grain)
        {
            body(0, count);
            return;
        }

        Parallel.ForEach(Partitioner.Create(0, count, grain), range => body(range.Item1, range.Item2));
    }

    /// <summary>The pooled rows' squared distances into the upper triangle of <paramref name="kernel"/> (total × total).</summary>
    public static void Distances<T>(T[] pooled, int dimension, double[] kernel, bool parallel)
        where T : unmanaged
    {
        var total = pooled.Length / dimension;
        ForRanges(total, RowGrain, parallel, (start, end) => DistanceRows(pooled, dimension, kernel, start, end));
    }

    // The loops below are compiled optimised from the first call: they run once per job, millions of iterations, while
    // the rest of the process keeps the tiered JIT from promoting them for seconds.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void DistanceRows<T>(T[] pooled, int dimension, double[] kernel, int start, int end)
        where T : unmanaged
    {
        var total = pooled.Length / dimension;
        for (var i = start; i < end; i++)
        {
            var a = pooled.AsSpan(i * dimension, dimension);
            var row = kernel.AsSpan(i * total, total);
            for (var j = i + 1; j < total; j++)
            {
                row[j] = Distance<T>(a, pooled.AsSpan(j * dimension, dimension));
            }
        }
    }

    /// <summary>Turns the squared distances of the upper triangle into kernel values, mirrors them into the lower
    /// triangle, sets the diagonal to 1, and returns every row's sum (each summed left to right).</summary>
    public static double[] Exponentiate(double[] kernel, int total, double gamma, bool parallel)
    {
        var tiles = (total + Tile - 1) / Tile;
        ForRanges(tiles, 1, parallel, (start, end) => ExponentiateTiles(kernel, total, gamma, start, end));
        var rowSums = new double[total];
        ForRanges(total, RowGrain, parallel, (start, end) => SumRows(kernel, total, rowSums, start, end));
        return rowSums;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ExponentiateTiles(double[] kernel, int total, double gamma, int start, int end)
    {
        var tiles = (total + Tile - 1) / Tile;
        for (var ti = start; ti < end; ti++)
        {
            var iEnd = Math.Min(total, (ti + 1) * Tile);
            for (var tj = ti; tj < tiles; tj++)
            {
                var jEnd = Math.Min(total, (tj + 1) * Tile);
                for (var i = ti * Tile; i < iEnd; i++)
                {
                    for (var j = Math.Max(i + 1, tj * Tile); j < jEnd; j++)
                    {
                        var k = Math.Exp(-gamma * kernel[((long)i * total) + j]);
                        kernel[((long)i * total) + j] = k;
                        kernel[((long)j * total) + i] = k;
                    }
                }
            }

            for (var i = ti * Tile; i < iEnd; i++)
            {
                kernel[((long)i * total) + i] = 1.0;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SumRows(double[] kernel, int total, double[] rowSums, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            double s = 0;
            foreach (var v in kernel.AsSpan(i * total, total))
            {
                s += v;
            }

            rowSums[i] = s;
        }
    }

    /// <summary>MMD²_u from the kernel matrix: the three off-diagonal block means, each block summed row by row, left to
    /// right (the order of the definition's loops).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Statistic(double[] kernel, int m, int n)
    {
        var total = m + n;
        double xx = 0, yy = 0, xy = 0;
        for (var i = 0; i < m; i++)
        {
            var row = kernel.AsSpan(i * total, total);
            for (var j = i + 1; j < m; j++)
            {
                xx += row[j];
            }

            for (var j = m; j < total; j++)
            {
                xy += row[j];
            }
        }

        for (var i = m; i < total; i++)
        {
            var row = kernel.AsSpan(i * total, total);
            for (var j = i + 1; j < total; j++)
            {
                yy += row[j];
            }
        }

        return (2 * xx / ((double)m * (m - 1))) + (2 * yy / ((double)n * (n - 1))) - (2 * xy / ((double)m * n));
    }

    /// <summary>How many of <paramref name="permutations"/> seeded relabellings give an MMD²_u of at least
    /// <paramref name="observed"/>: the first <paramref name="m"/> entries of <paramref name="members"/> are reshuffled
    /// for each (partial Fisher–Yates on <paramref name="random"/>, continuing from the previous permutation).</summary>
    public static int CountAtLeast(
        double[] kernel, double[] rowSums, double grand, int m, int n, int[] members, ref SplitMix64Random random, int permutations,
        double observed, bool parallel)
    {
        var total = m + n;
        var words = (total + 63) / 64;
        var batch = Math.Min(PermutationBatch, permutations);
        var firsts = new int[batch * m];
        var masks = new ulong[batch * words];
        var dots = new double[(long)batch * total];
        var atLeast = 0;
        for (var done = 0; done < permutations; done += batch)
        {
            var count = Math.Min(batch, permutations - done);
            Array.Clear(masks);
            for (var b = 0; b < count; b++)
            {
                for (var i = 0; i < m; i++)
                {
                    var j = i + (int)random.NextBounded((ulong)(total - i));
                    (members[i], members[j]) = (members[j], members[i]);
                }

                members.AsSpan(0, m).CopyTo(firsts.AsSpan(b * m, m));
                var mask = masks.AsSpan(b * words, words);
                foreach (var i in members.AsSpan(0, m))
                {
                    mask[i >> 6] |= 1UL << (i & 63);
                }
            }

            ForRanges(total, RowGrain, parallel, (start, end) => ScoreRows(kernel, total, masks, words, count, dots, start, end));

            for (var b = 0; b < count; b++)
            {
                var first = firsts.AsSpan(b * m, m);
                var scored = dots.AsSpan(b * total, total);
                double r = 0;
                foreach (var i in first)
                {
                    r += rowSums[i];
                }

                double a = 0;
                foreach (var i in first)
                {
                    a += scored[i];
                }

                if (Split(a, r, grand, m, n) >= observed)
                {
                    atLeast++;
                }
            }
        }

        return atLeast;
    }

    /// <summary>Each row's dot product with the indicator of every permutation of the batch whose first sample holds it,
    /// four permutations at a time (four independent sums per pass over the row, each computed as it would be alone).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScoreRows(double[] kernel, int total, ulong[] masks, int words, int count, double[] dots, int start, int end)
    {
        var table = Indicators;
        Span<int> holding = stackalloc int[PermutationBatch];
        for (var i = start; i < end; i++)
        {
            var row = kernel.AsSpan(i * total, total);
            var held = 0;
            for (var b = 0; b < count; b++)
            {
                if ((masks[(b * words) + (i >> 6)] & (1UL << (i & 63))) != 0)
                {
                    holding[held++] = b;
                }
            }

            var k = 0;
            for (; k + 4 <= held; k += 4)
            {
                int b0 = holding[k], b1 = holding[k + 1], b2 = holding[k + 2], b3 = holding[k + 3];
                var (d0, d1, d2, d3) = MaskedDot4(row, table, masks.AsSpan(b0 * words, words), masks.AsSpan(b1 * words, words),
                    masks.AsSpan(b2 * words, words), masks.AsSpan(b3 * words, words));
                dots[((long)b0 * total) + i] = d0;
                dots[((long)b1 * total) + i] = d1;
                dots[((long)b2 * total) + i] = d2;
                dots[((long)b3 * total) + i] = d3;
            }

            for (; k < held; k++)
            {
                var b = holding[k];
                dots[((long)b * total) + i] = MaskedDot(row, table, masks.AsSpan(b * words, words));
            }
        }
    }

    /// <summary>MMD²_u of a split from A (the first sample's block sum, diagonal included), R (its rows' sums) and the
    /// grand sum: the off-diagonal block sums are A − m, R − A and (grand − 2R + A) − n.</summary>
    public static double Split(double a, double r, double grand, int m, int n)
    {
        var xx = a - m;
        var xy = r - a;
        var yy = grand - (2 * r) + a - n;
        return (xx / ((double)m * (m - 1))) + (yy / ((double)n * (n - 1))) - (2 * xy / ((double)m * n));
    }

    /// <summary>Σ row_k·1[k ∈ mask]: <see cref="RowKernels.Dot"/> of the row and the 0/1 indicator the mask stands for,
    /// with the same vector lanes, multiplications and additions in the same order (the scalar tail added term by term onto the
    /// vector sum).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double MaskedDot(ReadOnlySpan<double> row, Vector256<double>[] table, ReadOnlySpan<ulong> mask)
    {
        ref var pa = ref MemoryMarshal.GetReference(row);
        var i = 0;
        double sum = 0;
        if (Vector256.IsHardwareAccelerated && row.Length >= 8)
        {
            var s0 = Vector256<double>.Zero;
            var s1 = Vector256<double>.Zero;
            for (; i + 8 <= row.Length; i += 8)
            {
                var bits = (int)(mask[i >> 6] >> (i & 63)) & 0xFF;
                s0 += Vector256.LoadUnsafe(ref pa, (nuint)i) * table[bits & 0xF];
                s1 += Vector256.LoadUnsafe(ref pa, (nuint)(i + 4)) * table[bits >> 4];
            }

            sum = Vector256.Sum(s0 + s1);
        }

        return Tail(sum, row, mask, i);
    }

    /// <summary><see cref="MaskedDot"/> of one row with four masks at once: four independent pairs of running sums, each
    /// updated exactly as <see cref="MaskedDot"/> updates its own (the row is read once, the additions' latency overlaps).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (double, double, double, double) MaskedDot4(
        ReadOnlySpan<double> row, Vector256<double>[] table, ReadOnlySpan<ulong> m0, ReadOnlySpan<ulong> m1, ReadOnlySpan<ulong> m2,
        ReadOnlySpan<ulong> m3)
    {
        if (!Vector256.IsHardwareAccelerated || row.Length < 8)
        {
            return (MaskedDot(row, table, m0), MaskedDot(row, table, m1), MaskedDot(row, table, m2), MaskedDot(row, table, m3));
        }

        ref var pa = ref MemoryMarshal.GetReference(row);
        Vector256<double> a0 = default, a1 = default, b0 = default, b1 = default, c0 = default, c1 = default, e0 = default, e1 = default;
        var i = 0;
        for (; i + 8 <= row.Length; i += 8)
        {
            var lo = Vector256.LoadUnsafe(ref pa, (nuint)i);
            var hi = Vector256.LoadUnsafe(ref pa, (nuint)(i + 4));
            int word = i >> 6, shift = i & 63;
            var bits = (int)(m0[word] >> shift) & 0xFF;
            a0 += lo * table[bits & 0xF];
            a1 += hi * table[bits >> 4];
            bits = (int)(m1[word] >> shift) & 0xFF;
            b0 += lo * table[bits & 0xF];
            b1 += hi * table[bits >> 4];
            bits = (int)(m2[word] >> shift) & 0xFF;
            c0 += lo * table[bits & 0xF];
            c1 += hi * table[bits >> 4];
            bits = (int)(m3[word] >> shift) & 0xFF;
            e0 += lo * table[bits & 0xF];
            e1 += hi * table[bits >> 4];
        }

        return (Tail(Vector256.Sum(a0 + a1), row, m0, i), Tail(Vector256.Sum(b0 + b1), row, m1, i), Tail(Vector256.Sum(c0 + c1), row, m2, i),
            Tail(Vector256.Sum(e0 + e1), row, m3, i));
    }

    /// <summary>Adds the scalar remainder of the dot product from <paramref name="start"/> onto <paramref name="sum"/> one term
    /// at a time, as <see cref="RowKernels.Dot"/> does.</summary>
    private static double Tail(double sum, ReadOnlySpan<double> row, ReadOnlySpan<ulong> mask, int start)
    {
        for (var i = start; i < row.Length; i++)
        {
            sum += row[i] * ((mask[i >> 6] & (1UL << (i & 63))) != 0 ? 1.0 : 0.0);
        }

        return sum;
    }

    private static double Distance<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b)
        where T : unmanaged =>
        typeof(T) == typeof(float)
            ? RowKernels.SquaredDistance(MemoryMarshal.Cast<T, float>(a), MemoryMarshal.Cast<T, float>(b))
            : RowKernels.SquaredDistance(MemoryMarshal.Cast<T, double>(a), MemoryMarshal.Cast<T, double>(b));

    private static Vector256<double>[] CreateIndicators()
    {
        var table = new Vector256<double>[16];
        for (var bits = 0; bits < 16; bits++)
        {
            table[bits] = Vector256.Create((bits & 1) != 0 ? 1.0 : 0.0, (bits & 2) != 0 ? 1.0 : 0.0, (bits & 4) != 0 ? 1.0 : 0.0,
                (bits & 8) != 0 ? 1.0 : 0.0);
        }

        return table;
    }
}
