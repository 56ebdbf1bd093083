namespace AiGovernance.Statistics.Tests.Multivariate;

/// <summary>The MMD permutation test's kernel work on every core gives the numbers of the one-core definition, bit for bit.</summary>
public class PooledKernelTests
{
    // 301 + 247 pooled rows: not a multiple of 8 (the dot product's scalar tail) nor of the 32-row tiles; 150 permutations:
    // two full batches of 64 and a partial one.
    private static readonly double[] X = MultivariateData.Normal(301, 9, seed: 71);
    private static readonly double[] Y = MultivariateData.Normal(247, 9, seed: 72, shift: 0.15);
    private static readonly MmdOptions Options = new() { Permutations = 150, Seed = 13, MedianHeuristicRows = 400 };

    [Fact]
    public void PermutationTest_OnEveryCore_EqualsOneCore_BitForBit()
    {
        var parallel = MaximumMeanDiscrepancy.PermutationTest(X, Y, 9, Options, parallel: true);
        var sequential = MaximumMeanDiscrepancy.PermutationTest(X, Y, 9, Options, parallel: false);
        Assert.Equal(Bits(sequential.Statistic), Bits(parallel.Statistic));
        Assert.Equal(Bits(sequential.Bandwidth), Bits(parallel.Bandwidth));
        Assert.Equal(Bits(sequential.PValue), Bits(parallel.PValue));
    }

    [Fact]
    public void PermutationTest_EqualsTheOnePermutationAtATimeDefinition_BitForBit()
    {
        var result = MaximumMeanDiscrepancy.PermutationTest(X, Y, 9, Options);

        // The definition as it was computed before the kernel work was batched: σ from the sorted squared distances of the
        // heuristic's sample, MMD² from the three block means, each permutation's split scored alone with a 0/1 indicator.
        var sigma = SortedMedianBandwidth(X, Y, 9, Options.MedianHeuristicRows, Options.Seed);
        Assert.Equal(Bits(sigma), Bits(result.Bandwidth));
        Assert.Equal(Bits(MaximumMeanDiscrepancy.Statistic(X, Y, 9, sigma)), Bits(result.Statistic));
        var expected = (1.0 + CountAtLeastOneByOne(X, Y, 9, sigma, Options.Permutations, Options.Seed)) / (1.0 + Options.Permutations);
        Assert.Equal(Bits(expected), Bits(result.PValue));
        Assert.InRange(result.PValue, 0.0, 0.5);
    }

    [Theory]
    [InlineData(40)] // 780 pairs: even, the mean of the two middle distances
    [InlineData(38)] // 703 pairs: odd, the middle distance
    public void MedianHeuristicBandwidth_BySelection_EqualsTheSortedMedian_BitForBit(int rows)
    {
        var x = MultivariateData.Normal(rows / 2, 5, seed: 81);
        var y = MultivariateData.Normal(rows - (rows / 2), 5, seed: 82);
        Assert.Equal(Bits(SortedMedianBandwidth(x, y, 5, 1000, 3)), Bits(MaximumMeanDiscrepancy.MedianHeuristicBandwidth(x, y, 5, 1000, 3)));
    }

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);

    /// <summary>The heuristic with a full sort, over the seeded row sample the library draws (partial Fisher–Yates,
    /// ascending), or every row when there are few.</summary>
    private static double SortedMedianBandwidth(double[] x, double[] y, int d, int maxRows, long seed)
    {
        var pooled = x.Concat(y).ToArray();
        var total = pooled.Length / d;
        var rows = Enumerable.Range(0, total).ToArray();
        if (total > maxRows)
        {
            var random = new SplitMix64Random(seed);
            for (var i = 0; i < maxRows; i++)
            {
                var j = i + (int)random.NextBounded((ulong)(total - i));
                (rows[i], rows[j]) = (rows[j], rows[i]);
            }

            rows = rows[..maxRows];
            Array.Sort(rows);
        }

        var distances = new List<double>();
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = i + 1; j < rows.Length; j++)
            {
                distances.Add(RowKernels.SquaredDistance(pooled.AsSpan(rows[i] * d, d), pooled.AsSpan(rows[j] * d, d)));
            }
        }

        distances.Sort();
        var half = distances.Count / 2;
        var median = distances.Count % 2 == 1 ? distances[half] : (distances[half - 1] + distances[half]) / 2;
        return Math.Sqrt(median / 2);
    }

    private static int CountAtLeastOneByOne(double[] x, double[] y, int d, double sigma, int permutations, long seed)
    {
        int m = x.Length / d, n = y.Length / d, total = m + n;
        var pooled = x.Concat(y).ToArray();
        var gamma = 1.0 / (2 * sigma * sigma);
        var kernel = new double[total * total];
        for (var i = 0; i < total; i++)
        {
            for (var j = 0; j < total; j++)
            {
                kernel[(i * total) + j] = i == j ? 1.0 : Math.Exp(-gamma * RowKernels.SquaredDistance(pooled.AsSpan(Math.Min(i, j) * d, d),
                    pooled.AsSpan(Math.Max(i, j) * d, d)));
            }
        }

        var rowSums = new double[total];
        double grand = 0;
        for (var i = 0; i < total; i++)
        {
            foreach (var v in kernel.AsSpan(i * total, total))
            {
                rowSums[i] += v;
            }

            grand += rowSums[i];
        }

        var members = Enumerable.Range(0, total).ToArray();
        double Split(ReadOnlySpan<int> first)
        {
            var indicator = new double[total];
            double r = 0, a = 0;
            foreach (var i in first)
            {
                indicator[i] = 1.0;
                r += rowSums[i];
            }

            foreach (var i in first)
            {
                a += RowKernels.Dot(kernel.AsSpan(i * total, total), indicator);
            }

            return ((a - m) / ((double)m * (m - 1))) + ((grand - (2 * r) + a - n) / ((double)n * (n - 1))) - (2 * (r - a) / ((double)m * n));
        }

        var observed = Split(members.AsSpan(0, m));
        var random = new SplitMix64Random(seed);
        var atLeast = 0;
        for (var b = 0; b < permutations; b++)
        {
            for (var i = 0; i < m; i++)
            {
                var j = i + (int)random.NextBounded((ulong)(total - i));
                (members[i], members[j]) = (members[j], members[i]);
            }

            atLeast += Split(members.AsSpan(0, m)) >= observed ? 1 : 0;
        }

        return atLeast;
    }
}
