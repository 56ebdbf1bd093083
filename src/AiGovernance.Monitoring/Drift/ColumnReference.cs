using System.Text.Json;
using System.Text.Json.Serialization;
using AiGovernance.Monitoring.Data;
using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.Drift;

/// <summary>One fitted reference column: the sorted present values and PSI bins (numeric) or category counts (categorical).</summary>
/// <remarks>Immutable after fitting; serialisable with <see cref="DriftReference.ToJson"/>.</remarks>
public sealed record ColumnReference
{
    private SortedSample? _sample;
    private ColumnProfile? _profile;
    private JsonElement _profileJson;

    /// <summary>The column's name.</summary>
    public required string Name { get; init; }

    /// <summary>The column's kind.</summary>
    public ColumnKind Kind { get; init; }

    /// <summary>Rows in the reference, missing values included.</summary>
    public int RowCount { get; init; }

    /// <summary>Missing values in the reference.</summary>
    public int MissingCount { get; init; }

    /// <summary>Distinct present values (numeric) or categories seen (categorical).</summary>
    public int DistinctCount { get; init; }

    /// <summary>The present values in ascending order (numeric columns); empty for categorical columns.</summary>
    public IReadOnlyList<double> SortedValues { get; init; } = [];

    /// <summary>The column's profile: exact counts on quantile bins fitted on the reference (numeric) or exact category counts
    /// (categorical).</summary>
    [JsonIgnore]
    public ColumnProfile Profile
    {
        get => _profile ??= ReadProfile(_profileJson);
        init => _profile = value;
    }

    /// <summary>The profile as JSON, written through the Statistics package's own validating serializer.</summary>
    [JsonInclude]
    [JsonPropertyName("profile")]
    internal JsonElement ProfileJson
    {
        get => _profile is null ? _profileJson : JsonSerializer.SerializeToElement(_profile, StatisticsJsonContext.Default.ColumnProfile);
        init => _profileJson = value;
    }

    /// <summary>The present values as a <see cref="SortedSample"/>, built once on first use; null without present numeric values.</summary>
    [JsonIgnore]
    public SortedSample? Sample
    {
        get
        {
            if (_sample is null && Kind == ColumnKind.Numeric && SortedValues.Count > 0)
            {
                var values = SortedValues as double[] ?? [.. SortedValues];
                Interlocked.CompareExchange(ref _sample, SortedSample.FromSorted(values), null);
            }

            return _sample;
        }
    }

    /// <summary>The reference's missing rate.</summary>
    [JsonIgnore]
    public double MissingRate => RowCount == 0 ? 0 : (double)MissingCount / RowCount;

    private static ColumnProfile ReadProfile(JsonElement json) =>
        json.ValueKind == JsonValueKind.Object
            ? json.Deserialize(StatisticsJsonContext.Default.ColumnProfile) ?? throw new JsonException("The column profile is null.")
            : throw new JsonException("A column reference needs a 'profile' object.");

    internal static ColumnReference Fit(TabularColumn column, int bins)
    {
        if (column is NumericColumn numeric)
        {
            // One sorted copy (radix sort) is kept, and SortedValues is a view of it rather than a second array.
            var sample = numeric.MissingCount < numeric.Length ? SortedSample.Create(numeric.PresentMemory().Span) : null;
            var sorted = sample is null ? ReadOnlySpan<double>.Empty : sample.Values;
            var distinct = 0;
            for (var i = 0; i < sorted.Length; i++)
            {
                if (i == 0 || sorted[i] != sorted[i - 1])
                {
                    distinct++;
                }
            }

            var profile = ColumnProfile.CreateNumeric(sample is null ? null : new ColumnProfileOptions { Edges = BinEdges.Quantile(sample, bins) });
            profile.Add(numeric.Values.Span);
            return new ColumnReference
            {
                Name = column.Name,
                Kind = ColumnKind.Numeric,
                RowCount = column.Length,
                MissingCount = column.MissingCount,
                DistinctCount = distinct,
                SortedValues = sample is null ? [] : new SampleValues(sample),
                Profile = profile,
                _sample = sample,
            };
        }

        var categorical = (CategoricalColumn)column;
        var categoricalProfile = ColumnProfile.CreateCategorical(new ColumnProfileOptions { CategoryCap = MonitoringDefaults.CategoryCap });
        AddCategories(categoricalProfile, categorical);
        return new ColumnReference
        {
            Name = column.Name,
            Kind = ColumnKind.Categorical,
            RowCount = column.Length,
            MissingCount = column.MissingCount,
            DistinctCount = categoricalProfile.CategoryCounts.Count,
            Profile = categoricalProfile,
        };
    }

    /// <summary>PSI of <paramref name="current"/>'s present values against this reference's bins or categories.</summary>
    internal double PsiAgainst(TabularColumn current)
    {
        if (current is NumericColumn numeric)
        {
            return NumericPsi(numeric.PresentMemory().Span);
        }

        var profile = ColumnProfile.CreateCategorical(new ColumnProfileOptions { CategoryCap = MonitoringDefaults.CategoryCap });
        AddCategories(profile, (CategoricalColumn)current);
        return ProfileComparison.PopulationStabilityIndex(Profile, profile).Value;
    }

    /// <summary>PSI of present (finite) values on this numeric reference's bins: the same value as comparing profiles, without
    /// building a profile (and its quantile sketch) for the current values.</summary>
    internal double NumericPsi(ReadOnlySpan<double> present)
    {
        var edges = Profile.Edges!;
        if (edges.BinCount < 2)
        {
            // One bin (every reference value equal): both sides put everything in it, so PSI is 0.
            return 0;
        }

        var counts = new long[edges.BinCount];
        edges.Count(present, counts);
        return PopulationStabilityIndex.FromCounts(Profile.BinCounts, counts);
    }

    internal static void AddCategories(ColumnProfile profile, CategoricalColumn column)
    {
        // Counted per code, then added per category in the order of first occurrence: the same profile as adding the
        // rows one by one (ColumnProfile.Add(string, long)), without hashing a string per row.
        var codes = column.Codes.Span;
        var counts = new long[column.Categories.Count];
        var firstSeen = new List<int>();
        long missing = 0;
        foreach (var code in codes)
        {
            if (code == CategoricalColumn.MissingCode)
            {
                missing++;
            }
            else if (counts[code]++ == 0)
            {
                firstSeen.Add(code);
            }
        }

        foreach (var code in firstSeen)
        {
            profile.Add(column.Categories[code], counts[code]);
        }

        profile.Add(null, missing);
    }

    /// <summary>The sorted values of a fitted column, read from its <see cref="SortedSample"/> without a second copy.</summary>
    private sealed class SampleValues(SortedSample sample) : IReadOnlyList<double>
    {
        public int Count => sample.Count;

        public double this[int index] => sample.Values[index];

        public IEnumerator<double> GetEnumerator()
        {
            for (var i = 0; i < sample.Count; i++)
            {
                yield return sample.Values[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
