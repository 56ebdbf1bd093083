namespace AiGovernance.Statistics;

/// <summary>Seeded row samples of row-major matrices.</summary>
internal static class RowSampling
{
    /// <summary>The rows to keep: all of them when there are at most <paramref name="limit"/>, else a uniformly random set
    /// of that many (partial Fisher–Yates on <paramref name="random"/>), in ascending order.</summary>
    public static int[] Indices(int rows, int limit, ref SplitMix64Random random)
    {
        var indices = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            indices[i] = i;
        }

        if (rows <= limit)
        {
            return indices;
        }

        for (var i = 0; i < limit; i++)
        {
            var j = i + (int)random.NextBounded((ulong)(rows - i));
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }

        var kept = indices.AsSpan(0, limit).ToArray();
        Array.Sort(kept);
        return kept;
    }

    /// <summary>The data itself when every row is kept, otherwise a copy of the kept rows.</summary>
    public static ReadOnlySpan<T> Take<T>(ReadOnlySpan<T> data, int dimension, int limit, scoped ref SplitMix64Random random)
    {
        var rows = data.Length / dimension;
        if (rows <= limit)
        {
            return data;
        }

        var kept = Indices(rows, limit, ref random);
        var copy = new T[kept.Length * dimension];
        for (var k = 0; k < kept.Length; k++)
        {
            data.Slice(kept[k] * dimension, dimension).CopyTo(copy.AsSpan(k * dimension));
        }

        return copy;
    }
}
