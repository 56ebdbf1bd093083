namespace AiGovernance.Statistics;

/// <summary>Counts of two categorical samples over the union of their categories, in ordinal order.</summary>
internal sealed class CategoryUnion
{
    public CategoryUnion(ReadOnlySpan<string> first, ReadOnlySpan<string> second)
    {
        var counts = new Dictionary<string, long[]>(StringComparer.Ordinal);
        Tally(first, counts, 0);
        Tally(second, counts, 1);
        Categories = new string[counts.Count];
        counts.Keys.CopyTo(Categories, 0);
        Array.Sort(Categories, StringComparer.Ordinal);
        FirstCounts = new long[Categories.Length];
        SecondCounts = new long[Categories.Length];
        for (var i = 0; i < Categories.Length; i++)
        {
            var pair = counts[Categories[i]];
            FirstCounts[i] = pair[0];
            SecondCounts[i] = pair[1];
        }
    }

    public string[] Categories { get; }

    public long[] FirstCounts { get; }

    public long[] SecondCounts { get; }

    private static void Tally(ReadOnlySpan<string> values, Dictionary<string, long[]> counts, int side)
    {
        foreach (var value in values)
        {
            if (!counts.TryGetValue(value, out var pair))
            {
                pair = new long[2];
                counts.Add(value, pair);
            }

            pair[side]++;
        }
    }
}
