namespace AiGovernance.Statistics;

/// <summary>Two profiles' exact counts on common bins: a 2 × k contingency table (reference row, current row).</summary>
/// <param name="Edges">The numeric bins, or null for categorical profiles.</param>
/// <param name="Categories">The category of each column for categorical profiles (the last may be
/// <see cref="ColumnProfile.OtherCategory"/>), or null for numeric profiles.</param>
/// <param name="Reference">The reference counts per bin.</param>
/// <param name="Current">The current counts per bin.</param>
/// <remarks>Feed the two rows to a chi-squared test of homogeneity, or to <see cref="PopulationStabilityIndex.FromCounts"/>;
/// because the counts are exact, the result equals the whole-data value.</remarks>
public readonly record struct ProfileCounts(BinEdges? Edges, IReadOnlyList<string>? Categories, IReadOnlyList<long> Reference,
    IReadOnlyList<long> Current);
